import { combine, cube, toBinaryStl } from '@makrx/mesh/testing';
import { expect, test, type Browser, type Page } from './fixtures';
import { personAt, signInAtCave } from './cave-session';
import { setFlag, superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const member = 'member@demo.makrx.org';
const provider = 'provider@demo.makrx.org';
const COLLABORATION = 'ENABLE_PROJECT_COLLABORATION';

/** A photo of a small rover on a bench, drawn as SVG and photographed by the browser. */
async function roverPhoto(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
  await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">
  <rect width="800" height="500" fill="#e9edf1"/>
  <rect y="360" width="800" height="140" fill="#b48a5a"/>
  <rect x="230" y="220" width="340" height="90" rx="14" fill="#2f6f9f"/>
  <rect x="290" y="180" width="160" height="50" rx="8" fill="#1d4566"/>
  <circle cx="290" cy="330" r="42" fill="#22262c"/><circle cx="290" cy="330" r="16" fill="#9aa3ad"/>
  <circle cx="510" cy="330" r="42" fill="#22262c"/><circle cx="510" cy="330" r="16" fill="#9aa3ad"/>
  <rect x="470" y="150" width="8" height="40" fill="#555"/><circle cx="474" cy="146" r="10" fill="#d9452b"/>
</svg></body>`);
  const shot = await page.screenshot({ type: 'png' });
  await page.close();
  return shot;
}

/** The signed-in person's access token at the cave, for calling its API as they would. */
const tokenOf = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('makrx.auth.tokens')!) as { accessToken: string })
        .accessToken,
  );

test.describe('Projects', () => {
  test('a member creates a project with a cover photo; a viewer collaborator cannot edit it; with collaboration off its controls are gone', async ({
    page,
    browser,
  }) => {
    // Two people, a photo and several pages photographed at two widths.
    test.slow();
    const title = `Six-wheel rover chassis ${Date.now().toString(36)}`;

    await signInAtCave(page, member, '/my-projects');
    await expect(page.getByRole('heading', { level: 1, name: 'My projects' })).toBeVisible();
    await page.getByRole('link', { name: 'New project' }).first().click();
    await expect(page).toHaveURL(`${urls.cave}/new-project`);
    const form = page.getByRole('form', { name: 'New project' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Summary').fill('A rocker-bogie rover that climbs kerbs.');
    await form
      .getByRole('textbox', { name: 'Description' })
      .fill('## Drive\n\nSix **N20** motors.\n\n<script>window.owned = true</script>');
    await form.getByRole('tab', { name: 'Preview' }).click();
    await expect(form.getByRole('tabpanel', { name: 'Preview' }).locator('strong')).toHaveText(
      'N20',
    );
    await form.getByLabel('Tags').fill('Robotics, Rover');
    await form.getByLabel('Status').selectOption('in_progress');
    await form.getByLabel('Makerspace').selectOption('makrx-hub-bengaluru');
    await expectAccessible(page);
    await screenshot(page, 'cave-new-project');
    await form.getByRole('button', { name: 'Create project' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const projectUrl = page.url();
    await expect(page.getByText('In progress').first()).toBeVisible();
    await expect(page.getByText(/Private — only its owner/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Drive' })).toBeVisible();
    expect(await page.evaluate(() => (window as { owned?: boolean }).owned)).toBeUndefined();
    await expect(page.getByRole('link', { name: 'Milo Member' })).toHaveAttribute(
      'href',
      `${urls.gateway}/makers/member`,
    );
    await expect(page.getByRole('link', { name: 'Robotics' })).toHaveAttribute(
      'href',
      '/projects?tag=Robotics',
    );
    await expect(page.getByRole('heading', { name: 'Bill of materials' })).toBeVisible();

    const photos = page.getByRole('form', { name: 'Photos' });
    await photos.getByLabel('Photo').setInputFiles({
      name: 'rover.png',
      mimeType: 'image/png',
      buffer: await roverPhoto(browser),
    });
    await photos.getByLabel('What it shows').fill('The rover on the bench');
    await photos.getByRole('button', { name: 'Add photo' }).click();
    const cover = page.locator('article > img').first();
    await expect(cover).toHaveAttribute('alt', 'The rover on the bench');
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
    // A model kept with the project, listed with its size, downloaded by a signed link.
    // Two 20 mm cubes side by side: a chassis 40 × 20 × 20 mm, 24 triangles.
    const stl = Buffer.from(toBinaryStl(combine(cube(20), cube(20, [20, 0, 0]))));
    const addFile = page.getByRole('form', { name: 'Add a file' });
    await addFile.getByLabel('File').setInputFiles({
      name: 'chassis.stl',
      mimeType: 'model/stl',
      buffer: stl,
    });
    await addFile.getByRole('button', { name: 'Add file' }).click();
    const fileList = page.getByRole('list', { name: 'Project files' });
    await expect(fileList).toContainText('chassis.stl');
    await expect(fileList).toContainText('1 KB');
    const download = page.waitForEvent('download');
    await fileList.getByRole('button', { name: 'Download chassis.stl' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.stl$/);

    // Previewed in 3D: a dialog named after the file, the part drawn with its size in mm.
    const previewButton = fileList.getByRole('button', { name: 'Preview chassis.stl in 3D' });
    await previewButton.click();
    const preview = page.getByRole('dialog', { name: 'chassis.stl' });
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('model-preview').locator('canvas')).toBeVisible();
    await expect(preview.getByText('Size 40 × 20 × 20 mm')).toBeVisible();
    await expect(preview.getByText('X 40 mm')).toBeVisible();
    await expect(preview.getByRole('button', { name: 'Download' })).toBeVisible();
    // Focus stays in the dialog; the view turns from the keyboard as well as the mouse.
    await preview.getByRole('button', { name: 'Turn left' }).focus();
    await page.keyboard.press('Enter');
    await expect(preview.getByRole('button', { name: 'Turn left' })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, 'cave-project-model-preview', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect(preview).toHaveCount(0);
    await expect(previewButton).toBeFocused();

    // A file named like a model that is not one says so in a sentence.
    await addFile.getByLabel('File').setInputFiles({
      name: 'sketch.obj',
      mimeType: 'model/obj',
      buffer: Buffer.from('# a sketch, not a mesh yet\n'),
    });
    await addFile.getByRole('button', { name: 'Add file' }).click();
    await fileList.getByRole('button', { name: 'Preview sketch.obj in 3D' }).click();
    const broken = page.getByRole('dialog', { name: 'sketch.obj' });
    await expect(broken.getByRole('alert')).toHaveText(/no faces/);
    await broken.getByRole('button', { name: 'Close the preview' }).click();
    await expect(broken).toHaveCount(0);
    await fileList.getByRole('button', { name: 'Remove sketch.obj' }).click();
    await expect(fileList).not.toContainText('sketch.obj');
    // Only the chassis is left to preview.
    await expect(fileList.getByRole('button', { name: /^Preview / })).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await expect(page.getByText(/added a photo/)).toBeVisible();

    // The owner invites the demo provider as a viewer.
    const invite = page.getByRole('form', { name: 'Invite a collaborator' });
    await invite.getByLabel('Handle').fill('provider');
    await invite.getByLabel('Role').selectOption('viewer');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const people = page.getByRole('list', { name: 'People on this project' });
    await expect(people).toContainText('@provider');
    await expect(people).toContainText('Invited');
    await expectAccessible(page);
    await screenshot(page, 'cave-project-owner');

    await page.goto(`${urls.cave}/my-projects`);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await screenshot(page, 'cave-my-projects');

    // The viewer accepts, sees the project, and is offered no way to change it.
    const viewer = await personAt(browser, provider, '/my-projects');
    await viewer.getByRole('button', { name: `Accept the invitation to ${title}` }).click();
    await expect(viewer.getByRole('link', { name: title })).toBeVisible();
    await viewer.goto(projectUrl);
    await expect(viewer.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(viewer.getByText('You: Viewer')).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'Edit project' })).toHaveCount(0);
    await expect(viewer.getByRole('form', { name: 'Photos' })).toHaveCount(0);
    await expect(viewer.getByRole('form', { name: 'Invite a collaborator' })).toHaveCount(0);
    await expect(viewer.getByRole('form', { name: 'Add a file' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Download chassis.stl' })).toBeVisible();
    await expect(viewer.getByRole('img', { name: /The rover on the bench/ }).first()).toBeVisible();
    await screenshot(viewer, 'cave-project-viewer');
    const slug = new URL(projectUrl).pathname.split('/').pop()!;
    const refused = await fetch(`${urls.caveApi}/api/v1/projects/${slug}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await tokenOf(viewer)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'A viewer was here' }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('PROJECT_ROLE_TOO_LOW');

    // With collaboration off, the owner's panel is gone and the API says the feature is off.
    const admin = await superAdminToken(browser);
    await setFlag(admin, COLLABORATION, false, 'e2e: projects without collaboration');
    try {
      const ownerToken = await tokenOf(page);
      await expect
        .poll(async () => {
          const response = await fetch(`${urls.caveApi}/api/v1/projects/${slug}/collaborators`, {
            headers: { authorization: `Bearer ${ownerToken}` },
          });
          return response.status === 404 ? (await response.json()).error.code : response.status;
        })
        .toBe('FEATURE_DISABLED');
      await page.goto(projectUrl);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Invite a collaborator' })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Collaborators' })).toHaveCount(0);
      await screenshot(page, 'cave-project-collaboration-off');
      // Nor does the viewer's role count: the private project is not theirs to see.
      await viewer.reload();
      await expect(
        viewer.getByRole('heading', { name: 'We couldn’t find that project' }),
      ).toBeVisible();
    } finally {
      await setFlag(admin, COLLABORATION, true, 'e2e: collaboration back on');
    }
  });

  test('a guest reads a completed public project and finds it under its tag', async ({ page }) => {
    await page.goto(`${urls.cave}/projects/flat-pack-plywood-stool`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Flat-pack plywood stool' }),
    ).toBeVisible();
    await expect(page.getByText('Completed').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit project' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Woodworking' }).click();
    await expect(page).toHaveURL(`${urls.cave}/projects?tag=Woodworking`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Projects tagged “Woodworking”' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Flat-pack plywood stool' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-projects-tag');
  });
});
