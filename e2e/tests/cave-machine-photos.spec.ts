import { expect, test, type Browser } from './fixtures';
import { personAt, signInAtCave } from './cave-session';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const HUB = 'makrx-hub-bengaluru';
const spaceAdmin = 'spaceadmin@demo.makrx.org';
const member = 'member@demo.makrx.org';
const superAdmin = 'superadmin@demo.makrx.org';
// No other spec looks at this machine's pictures.
const carvera = `/makerspaces/${HUB}/equipment/carvera-desktop-cnc`;

/**
 * A product shot of a desktop CNC mill, drawn as SVG and photographed by the browser: a PNG as
 * an admin's camera would give, made here rather than kept as a binary in the repository.
 */
async function desktopMillPhoto(browser: Browser, zoom = 1): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  // A zoom above 1 is a close-up of the cutting area.
  await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
<svg style="transform:scale(${zoom});transform-origin:50% 58%" xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#eef1f4"/><stop offset="1" stop-color="#d9dee4"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#2b3038"/><stop offset=".5" stop-color="#3b424d"/>
      <stop offset="1" stop-color="#23272e"/>
    </linearGradient>
    <linearGradient id="glass" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f7a35c" stop-opacity=".55"/>
      <stop offset="1" stop-color="#d9742b" stop-opacity=".35"/>
    </linearGradient>
    <linearGradient id="steel" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#cfd5dc"/><stop offset="1" stop-color="#8d96a1"/>
    </linearGradient>
    <radialGradient id="shadow" cx=".5" cy=".5" r=".5">
      <stop offset="0" stop-color="#000" stop-opacity=".28"/><stop offset="1" stop-color="#000" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="800" height="600" fill="url(#wall)"/>
  <rect y="470" width="800" height="130" fill="#b9a48a"/>
  <rect y="470" width="800" height="6" fill="#a38d72"/>
  <ellipse cx="400" cy="500" rx="260" ry="26" fill="url(#shadow)"/>
  <rect x="170" y="110" width="460" height="380" rx="18" fill="url(#body)"/>
  <rect x="196" y="140" width="408" height="270" rx="10" fill="#15181d"/>
  <rect x="230" y="170" width="340" height="16" rx="4" fill="url(#steel)"/>
  <rect x="372" y="150" width="56" height="120" rx="8" fill="#505865"/>
  <rect x="386" y="270" width="28" height="46" rx="4" fill="url(#steel)"/>
  <polygon points="394,316 406,316 400,340" fill="#e8ecf0"/>
  <rect x="236" y="356" width="328" height="30" rx="4" fill="#6f7884"/>
  <rect x="300" y="338" width="200" height="20" rx="3" fill="#c8a26b"/>
  <path d="M330 338 q70 -22 140 0" fill="none" stroke="#a37c45" stroke-width="3"/>
  <rect x="196" y="140" width="408" height="270" rx="10" fill="url(#glass)"/>
  <path d="M214 160 L300 160 L250 400 L214 400 Z" fill="#fff" opacity=".10"/>
  <rect x="196" y="424" width="408" height="44" rx="8" fill="#1c2026"/>
  <circle cx="570" cy="446" r="11" fill="#d9452b"/>
  <rect x="226" y="438" width="110" height="16" rx="3" fill="#2f6f9f"/>
  <rect x="350" y="440" width="60" height="12" rx="3" fill="#3a414b"/>
  <text x="600" y="132" text-anchor="end" font-family="Helvetica, Arial, sans-serif"
    font-size="15" font-weight="700" fill="#c9ced6" letter-spacing="3">CARVERA</text>
</svg></body>`);
  const shot = await page.screenshot({ type: 'png' });
  await page.close();
  return shot;
}

test.describe('Machine photos', () => {
  test('an admin adds a photo to a machine; a member sees it on the machine’s page and card', async ({
    page,
    browser,
  }) => {
    // Two people, four pages photographed at two widths: more than the default allows.
    test.slow();
    const photo = await desktopMillPhoto(browser);
    const closeUp = await desktopMillPhoto(browser, 2.2);
    await signInAtCave(page, spaceAdmin, carvera);
    await expect(page.getByRole('img', { name: /no photo yet/ })).toBeVisible();
    const panel = page.getByRole('form', { name: 'Photos' });

    // Text named like a PNG is judged by its bytes, and refused in words.
    await panel.getByLabel('Photo').setInputFiles({
      name: 'carvera.png',
      mimeType: 'image/png',
      buffer: Buffer.from('these bytes are no picture at all'),
    });
    await panel.getByRole('button', { name: 'Add photo' }).click();
    await expect(page.getByRole('alert')).toHaveText('Upload a PNG, JPEG or WebP photo.');

    await panel.getByLabel('Photo').setInputFiles({
      name: 'carvera.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await panel.getByLabel('What it shows').fill('The Carvera, enclosure closed');
    await panel.getByRole('button', { name: 'Add photo' }).click();
    await expect(
      page.getByRole('img', { name: 'Carvera desktop CNC, photo: The Carvera, enclosure closed' }),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Photos in order' })).toContainText(
      '1. The Carvera, enclosure closed',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await panel.getByLabel('Photo').setInputFiles({
      name: 'spindle.png',
      mimeType: 'image/png',
      buffer: closeUp,
    });
    await panel.getByLabel('What it shows').fill('The spindle over a walnut blank');
    await panel.getByRole('button', { name: 'Add photo' }).click();
    await expect(page.getByRole('list', { name: 'Photos in order' })).toContainText(
      '2. The spindle over a walnut blank',
    );
    await expectAccessible(page);
    await screenshot(page, 'cave-machine-photos-admin');

    const memberPage = await personAt(browser, member, carvera);
    const seen = memberPage.getByRole('img', {
      name: 'Carvera desktop CNC, photo 1 of 2: The Carvera, enclosure closed',
    });
    await expect(seen).toBeVisible();
    // The image itself arrived, not only its element.
    await expect.poll(() => seen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
    // The other photos are thumbnails: reached with Tab, moved between with the arrow keys.
    const thumbnails = memberPage.getByRole('list', { name: 'Photos of Carvera desktop CNC' });
    const first = thumbnails.getByRole('button', { name: /photo 1 of 2/ });
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    await first.focus();
    await memberPage.keyboard.press('ArrowRight');
    await expect(
      memberPage.getByRole('img', {
        name: 'Carvera desktop CNC, photo 2 of 2: The spindle over a walnut blank',
      }),
    ).toBeVisible();
    await expect(thumbnails.getByRole('button', { name: /photo 2 of 2/ })).toBeFocused();
    await memberPage.keyboard.press('ArrowLeft');
    await expect(seen).toBeVisible();
    await expect(memberPage.getByRole('form', { name: 'Photos' })).toHaveCount(0);
    await expect(memberPage.getByRole('button', { name: 'Add photo' })).toHaveCount(0);
    await expectAccessible(memberPage);
    await screenshot(memberPage, 'cave-machine-photos-member');

    // The card shows the photo where the drawing of its kind was.
    await memberPage.goto(`${urls.cave}/makerspaces/${HUB}/equipment`);
    await expect(memberPage.getByRole('img', { name: 'Carvera desktop CNC, photo' })).toBeVisible();
    await screenshot(memberPage, 'cave-equipment-with-photo');
    await memberPage.context().close();
  });
});

test.describe('Opening a makerspace', () => {
  test('a member is offered no “New makerspace”', async ({ page }) => {
    await signInAtCave(page, member);
    await expect(page.getByRole('region', { name: 'My makerspaces' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New makerspace' })).toHaveCount(0);
  });

  test('a super admin opens Test Fab Lab Kochi, lands on its settings, and finds it among theirs', async ({
    page,
  }) => {
    test.slow();
    await signInAtCave(page, superAdmin);
    // No makerspace of their own yet: the home says so, beside the way to open one.
    const mine = page.getByRole('region', { name: 'My makerspaces' });
    await expect(mine).toContainText('belong to no makerspace yet');
    await screenshot(page, 'cave-my-makerspaces-none-yet');
    await mine.getByRole('link', { name: 'New makerspace' }).click();
    await expect(page).toHaveURL(`${urls.cave}/new-makerspace`);
    await expect(page.getByRole('heading', { level: 1, name: 'New makerspace' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-new-makerspace');

    const form = page.getByRole('form', { name: 'New makerspace' });
    await form.getByLabel('Name').fill('Test Fab Lab Kochi');
    await expect(form.getByLabel('Link')).toHaveValue('test-fab-lab-kochi');
    await form.getByLabel('City').fill('Kochi');
    await form.getByLabel('Country').fill('Bharat');
    await form.getByLabel('Time zone').selectOption('Asia/Kolkata');
    await form.getByLabel(/Unlisted/).check();
    await form.getByLabel('Link').fill(HUB);

    // A country whose currency MakrX does not know: the currency is asked for beside its field.
    await form.getByRole('button', { name: 'Open makerspace' }).click();
    await expect(form.getByText('none is known for "Bharat"')).toBeVisible();
    await form.getByLabel('Currency').selectOption('INR');

    // A link already taken is refused beside the field, and nothing is opened.
    await form.getByRole('button', { name: 'Open makerspace' }).click();
    await expect(form.getByText(`A makerspace already has the link "${HUB}"`)).toBeVisible();
    await expect(page).toHaveURL(`${urls.cave}/new-makerspace`);
    await screenshot(page, 'cave-new-makerspace-slug-taken');

    await form.getByLabel('Link').fill('test-fab-lab-kochi');
    await form.getByRole('button', { name: 'Open makerspace' }).click();
    await expect(page).toHaveURL(`${urls.cave}/makerspaces/test-fab-lab-kochi/manage/settings`);
    await expect(page.getByRole('status').filter({ hasText: 'is open' })).toHaveText(
      /Test Fab Lab Kochi is open, and you are its admin\./,
    );
    await expect(page.getByLabel('Name')).toHaveValue('Test Fab Lab Kochi');
    await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
    await expect(page.getByLabel('Currency')).toHaveValue('INR');
    await expectAccessible(page);
    await screenshot(page, 'cave-new-makerspace-created');

    await page.goto(`${urls.cave}/`);
    const card = page
      .getByRole('region', { name: 'My makerspaces' })
      .getByRole('listitem')
      .filter({ hasText: 'Test Fab Lab Kochi' });
    await expect(card.getByRole('link', { name: 'Test Fab Lab Kochi' })).toBeVisible();
    await expect(card).toContainText('Admin');
    await screenshot(page, 'cave-my-makerspaces-super-admin');
  });
});
