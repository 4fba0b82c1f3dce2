import { deflateSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

// The demo member edits their profile here, and leaves it as it was: named Milo Member, no
// bio, skills, links or picture, and private (later specs expect that).
const maker = { login: 'member@demo.makrx.org', name: 'Milo Member', handle: 'member' };
const password = 'makrx-demo';

/** A small PNG, drawn here: a 96 × 64 gradient (wider than tall, so the square is a crop). */
function pngPicture(width = 96, height = 64): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([200, (x * 255) / width, (y * 255) / height], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signIn(page: Page, login: string) {
  await page.goto(urls.gateway);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${urls.gateway}/`));
  // Signed in once the app has its tokens and the header shows the account menu.
  await expect(
    page.getByRole('banner').getByRole('button', { name: /account menu/ }),
  ).toBeVisible();
}

async function choosePublic(page: Page, visible: boolean) {
  const card = page.getByRole('region', { name: 'Your maker profile' });
  const wanted = visible ? 'Public — listed' : 'Private — hidden from everyone';
  await expect(card.getByRole('button', { name: /Make my profile/ })).toBeEnabled();
  if (!(await card.textContent())?.includes(wanted))
    await card
      .getByRole('button', { name: visible ? 'Make my profile public' : 'Make my profile private' })
      .click();
  await expect(card).toContainText(wanted);
}

async function guestPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('A maker’s profile: read by everyone, edited by its owner', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a guest reads a maker’s profile with no way to edit it, and their writes get 401', async ({
    page,
    request,
  }) => {
    await page.goto(urls.gateway);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`${urls.gateway}/makers/ananya-rao`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ananya Rao' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'About Ananya' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit profile' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /edit/i })).toHaveCount(0);

    const before = await (await request.get(`${urls.authApi}/api/v1/profiles/ananya-rao`)).json();
    const patched = await request.patch(`${urls.authApi}/api/v1/me/profile`, {
      data: { displayName: 'Mallory' },
    });
    expect(patched.status()).toBe(401);
    const uploaded = await request.put(`${urls.authApi}/api/v1/me/profile/avatar`, {
      headers: { 'content-type': 'image/png' },
      data: pngPicture(),
    });
    expect(uploaded.status()).toBe(401);
    expect(await (await request.get(`${urls.authApi}/api/v1/profiles/ananya-rao`)).json()).toEqual(
      before,
    );

    // The edit page asks a guest to sign in rather than showing a form.
    await page.goto(`${urls.gateway}/account/profile`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to manage your account' }),
    ).toBeVisible();
    await expect(page.getByRole('form', { name: 'Edit your profile' })).toHaveCount(0);
  });

  test('Milo edits name, bio, skills and picture, and a guest sees the change', async ({
    page,
    browser,
  }) => {
    const stamp = Date.now().toString(36);
    const newName = `Milo Maker ${stamp}`;
    const skill = `Lamp wiring ${stamp}`;

    await signIn(page, maker.login);
    await page
      .getByRole('banner')
      .getByRole('button', { name: /account menu/ })
      .click();
    await page.getByRole('banner').getByRole('link', { name: 'Your profile' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/account/profile`);
    await choosePublic(page, true);

    const form = page.getByRole('form', { name: 'Edit your profile' });
    // Live validation: an empty name is said at once, and saving is refused until fixed.
    await form.getByLabel('Name', { exact: true }).fill('');
    await form.getByLabel('Name', { exact: true }).blur();
    await expect(form.getByText('Enter the name people know you by.')).toBeVisible();
    await form.getByLabel('Name', { exact: true }).fill(newName);
    await expect(form.getByText('Enter the name people know you by.')).toHaveCount(0);
    await form.getByLabel('Headline').fill('Lamps from offcuts');
    await form.getByLabel('City').fill('Lisbon, Portugal');
    await form.getByLabel('Bio').fill('I build **lamps** from workshop offcuts.');
    await form.getByLabel('Skills', { exact: true }).fill(skill);
    await form.getByLabel('Skills', { exact: true }).press('Enter');
    await expect(form.getByRole('list', { name: 'Your skills' })).toContainText(skill);
    await form.getByRole('button', { name: 'Add a link' }).click();
    await form.getByLabel('Label of link 1').fill('Workshop notes');
    await form.getByLabel('Address of link 1').fill('not a link');
    await form.getByLabel('Label of link 1').click();
    await expect(form.getByText('Enter an address starting with https://')).toBeVisible();
    await form.getByLabel('Address of link 1').fill('https://notes.example.org/lamps');

    await page.getByLabel('Choose a new picture').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: pngPicture(),
    });
    await expect(page.getByRole('button', { name: 'Change picture' })).toBeEnabled();
    await expect(page.getByRole('img', { name: 'Your profile picture' })).toHaveAttribute(
      'src',
      new RegExp(`^${urls.authApi}/media/avatars/`),
    );
    await expectAccessible(page);
    await screenshot(page, 'gateway-profile-edit');

    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/makers/${maker.handle}`);
    await expect(
      page.getByRole('status').filter({ hasText: 'Your profile is saved' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit profile' })).toBeVisible();
    await screenshot(page, 'gateway-profile-own');

    // A guest, in a browser of their own.
    const guest = await guestPage(browser);
    await guest.goto(`${urls.gateway}/makers/${maker.handle}`);
    await expect(guest.getByRole('heading', { level: 1, name: newName })).toBeVisible();
    await expect(guest.getByText('Lamps from offcuts')).toBeVisible();
    await expect(guest.getByRole('region', { name: 'About Milo' }).locator('strong')).toHaveText(
      'lamps',
    );
    await expect(guest.getByRole('list', { name: 'Skills' })).toContainText(skill);
    const link = guest.getByRole('link', { name: 'Workshop notes' });
    await expect(link).toHaveAttribute('href', 'https://notes.example.org/lamps');
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
    await expect(guest.getByRole('link', { name: 'Edit profile' })).toHaveCount(0);
    // Milo's makerspace, as MakrCave lists it, leading to its public page there.
    const spaces = guest.getByRole('region', { name: 'Makerspaces' });
    await expect(spaces.getByRole('link', { name: 'MakrX Hub Bengaluru' })).toHaveAttribute(
      'href',
      `${urls.cave}/makerspaces/makrx-hub-bengaluru`,
    );
    await expect(spaces).toContainText('Member');
    const avatar = guest.locator('article img').first();
    await expect(avatar).toHaveAttribute('src', /\/media\/avatars\/.+-512\.webp$/);
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(512);
    await expectAccessible(guest);
    await screenshot(guest, 'gateway-profile-full');

    // The directory lists Milo, who was just active, before the makers who have not changed a
    // thing since they joined, and finds them by skill and city.
    await guest.goto(`${urls.gateway}/makers`);
    await expect(guest.getByText(/^\d+ makers?$/)).toBeVisible();
    await screenshot(guest, 'gateway-makers-directory');
    const names = await guest.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(names).toContain(newName);
    expect(names.indexOf(newName)).toBeLessThan(names.indexOf('Ananya Rao'));
    await guest.getByLabel('City').selectOption('Lisbon');
    await expect(guest).toHaveURL(`${urls.gateway}/makers?city=Lisbon`);
    await expect(guest.getByRole('heading', { level: 2, name: newName })).toBeVisible();
    await expect(guest.getByRole('heading', { level: 2, name: 'Ananya Rao' })).toHaveCount(0);
    const card = guest.getByRole('listitem').filter({ hasText: newName });
    await expect
      .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(128);
    await expectAccessible(guest);
    await screenshot(guest, 'gateway-makers-directory-filtered');
    await guest.goto(`${urls.gateway}/makers?skill=${encodeURIComponent('Underwater welding')}`);
    await expect(
      guest.getByRole('heading', { name: 'No makers match these filters' }),
    ).toBeVisible();
    await screenshot(guest, 'gateway-makers-directory-no-match');

    // Left as found: the name, an empty profile, no picture, private.
    await page.goto(`${urls.gateway}/account/profile`);
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Upload a picture' })).toBeVisible();
    const reset = page.getByRole('form', { name: 'Edit your profile' });
    await reset.getByLabel('Name', { exact: true }).fill(maker.name);
    await reset.getByLabel('Headline').fill('');
    await reset.getByLabel('City').fill('');
    await reset.getByLabel('Bio').fill('');
    await reset.getByRole('button', { name: `Remove ${skill}` }).click();
    await reset.getByRole('button', { name: 'Remove link 1' }).click();
    await reset.getByRole('button', { name: 'Save profile' }).click();
    await expect(page).toHaveURL(`${urls.gateway}/makers/${maker.handle}`);
    await expect(page.getByRole('heading', { level: 1, name: maker.name })).toBeVisible();
    await page.goto(`${urls.gateway}/account/profile`);
    await choosePublic(page, false);
  });

  test('an empty profile reads as one sentence, with no empty headings', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'customer@demo.makrx.org');
    await page.goto(`${urls.gateway}/account/profile`);
    await choosePublic(page, true);
    await screenshot(page, 'gateway-profile-edit-empty');

    const guest = await guestPage(browser);
    await guest.goto(`${urls.gateway}/makers/customer`);
    await expect(guest.getByRole('heading', { level: 1, name: 'Chris Customer' })).toBeVisible();
    await expect(guest.getByText('Chris hasn’t shared anything yet.')).toBeVisible();
    for (const heading of ['About Chris', 'Skills', 'Links', 'Achievements', 'Projects'])
      await expect(guest.getByRole('heading', { name: heading, exact: true })).toHaveCount(0);
    await expectAccessible(guest);
    await screenshot(guest, 'gateway-profile-empty');

    await choosePublic(page, false);
  });
});
