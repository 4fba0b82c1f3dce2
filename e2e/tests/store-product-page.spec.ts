import { expect, test, type Page } from './fixtures';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const petg = `${urls.store}/products/petg-filament-signal-orange-1kg`;
const phone = { width: 390, height: 844 };

const title = (page: Page) => page.getByRole('heading', { level: 1 });
const viewer = (page: Page) => page.getByRole('group', { name: /^Image \d+ of \d+$/ });
const shownImage = (page: Page) => viewer(page).getByRole('img');
/** The picture shown has loaded: its file was found and drawn. */
const expectShownImageLoaded = (page: Page) =>
  expect
    .poll(() => shownImage(page).evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

async function pickJetBlack2kg(page: Page) {
  const options = page.getByRole('form', { name: 'Choose an option' });
  await options.getByText('Jet Black', { exact: true }).click();
  await options.getByText('2 kg', { exact: true }).click();
}

test.describe('the product page', () => {
  test('picking Jet Black, 2 kg shows its title, picture, price and stock in place; the cart names the product once', async ({
    page,
  }) => {
    await page.goto(petg);
    await expect(title(page)).toHaveText(/^PETG Filament.*Signal Orange · 1 kg$/);
    await expect(shownImage(page)).toHaveAttribute('src', /petg-filament-signal-orange-1kg\.svg$/);
    const price = page.locator('[data-price]');
    const priceBefore = await price.innerText();
    // A mark on the window survives only if the page is updated in place, not reloaded.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await expect(page.getByRole('button', { name: 'Show this option' })).toHaveCount(0);

    await pickJetBlack2kg(page);
    await expect(page).toHaveURL(/[?&]variant=FIL-PETG-JBK-2000$/);
    await expect(title(page)).toHaveText(/^PETG Filament.*Jet Black · 2 kg$/);
    await expect(page).toHaveTitle(/^PETG Filament, Jet Black, 2 kg · Prusament/);
    await expect(shownImage(page)).toHaveAttribute('src', /fil-petg-jbk-2000\.svg$/);
    await expect(shownImage(page)).toHaveAttribute('alt', 'PETG Filament in Jet Black · 2 kg');
    await expectShownImageLoaded(page);
    await expect(price).not.toHaveText(priceBefore);
    await expect(page.locator('[data-stock]')).toHaveText(/on the shelf|Out of stock/);
    await expect(page.getByText('FIL-PETG-JBK-2000', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'store-product-page');

    const jetBlackPrice = await price.innerText();
    await page
      .getByRole('form', { name: 'Add to cart' })
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    const line = page.getByRole('region', { name: 'Items in your cart' }).getByRole('listitem');
    await expect(line).toHaveCount(1);
    await expect(line.getByRole('heading', { level: 2 })).toHaveText('PETG Filament');
    await expect(line.getByText('Colour: Jet Black · Size: 2 kg', { exact: true })).toBeVisible();
    await expect(line).not.toContainText('Signal Orange');
    await expect(line.locator('img')).toHaveAttribute('src', /fil-petg-jbk-2000\.svg$/);
    await expect
      .poll(() => line.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(line).toContainText(/\$\d+\.\d\d/.exec(jetBlackPrice)![0]);
    await expectAccessible(page);
    await screenshot(page, 'store-product-cart');
  });

  test('without JavaScript the options form and the thumbnails still show what was picked', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(petg);
    await pickJetBlack2kg(page);
    await page.getByRole('button', { name: 'Show this option' }).click();
    await expect(page).toHaveURL(/[?&]variant=FIL-PETG-JBK-2000$/);
    await expect(title(page)).toHaveText(/^PETG Filament.*Jet Black · 2 kg$/);
    await expect(shownImage(page)).toHaveAttribute('src', /fil-petg-jbk-2000\.svg$/);
    await expectShownImageLoaded(page);

    const thumbnails = page.getByRole('list', { name: 'All images' });
    await thumbnails.getByRole('link', { name: 'Image 1 of 4' }).click();
    await expect(page).toHaveURL(/variant=FIL-PETG-JBK-2000&image=0$/);
    await expect(viewer(page)).toHaveAccessibleName('Image 1 of 4');
    await expect(shownImage(page)).toHaveAttribute('src', /petg-filament-signal-orange-1kg\.svg$/);

    await page
      .getByRole('form', { name: 'Add to cart' })
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await expect(page.getByRole('heading', { level: 2, name: 'PETG Filament' })).toBeVisible();
    await expect(page.getByText('Colour: Jet Black · Size: 2 kg', { exact: true })).toBeVisible();
    await context.close();
  });

  test('an add to cart posted from another site is refused and adds nothing', async ({
    request,
  }) => {
    const answer = await request.post(`${urls.store}/cart/add`, {
      headers: { origin: 'https://elsewhere.example' },
      form: { variantId: '00000000-0000-4000-8000-000000000000', quantity: '1' },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(403);
    expect(answer.headers()['set-cookie'] ?? '').not.toContain('makrx_store_cart');
  });

  test('the gallery shows every picture as a thumbnail; keys, a swipe and a click move and zoom', async ({
    page,
  }) => {
    await page.goto(petg);
    const thumbnails = page.getByRole('list', { name: 'All images' }).getByRole('link');
    await expect(thumbnails).toHaveCount(4);
    for (const [index, thumbnail] of (await thumbnails.all()).entries()) {
      await expect(thumbnail).toHaveAccessibleName(`Image ${index + 1} of 4`);
    }
    await expect(thumbnails.first()).toHaveAttribute('aria-current', 'true');

    await viewer(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(viewer(page)).toHaveAccessibleName('Image 2 of 4');
    await expect(shownImage(page)).toHaveAttribute('src', /fil-petg-sor-2000\.svg$/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(viewer(page)).toHaveAccessibleName('Image 4 of 4');
    await expect(viewer(page)).toBeFocused();

    await thumbnails.nth(2).click();
    await expect(viewer(page)).toHaveAccessibleName('Image 3 of 4');
    await expect(thumbnails.nth(2)).toHaveAttribute('aria-current', 'true');
    await expect(shownImage(page)).toHaveAttribute('src', /fil-petg-jbk-1000\.svg$/);

    // A finger swiping from right to left shows the next picture.
    const box = (await viewer(page).boundingBox())!;
    const touch = (type: string, x: number) =>
      viewer(page).dispatchEvent(type, {
        pointerType: 'touch',
        isPrimary: true,
        clientX: x,
        clientY: box.y + box.height / 2,
      });
    await touch('pointerdown', box.x + box.width - 40);
    await touch('pointerup', box.x + 40);
    await expect(viewer(page)).toHaveAccessibleName('Image 4 of 4');

    await shownImage(page).click();
    await expect(shownImage(page)).toHaveCSS('transform', /matrix\(2, 0, 0, 2/);
    await page.keyboard.press('Escape');
    await expect(shownImage(page)).toHaveCSS('transform', 'none');
  });

  test('on a phone the price and Add to cart stay at the bottom, and the cart opens at its top', async ({
    page,
  }) => {
    await page.setViewportSize(phone);
    await page.goto(petg);
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Search', exact: true })).toBeVisible();
    const bar = page.getByRole('region', { name: 'Buy PETG Filament' });
    await expect(bar).toBeInViewport();
    await expect(bar.getByRole('button', { name: 'Add to cart' })).toBeVisible();
    await expect(bar).toContainText(/\$\d+\.\d\d/);

    await page.screenshot({ path: 'screenshots/store-product-page-bar-phone.png' });
    // At the end of the page the bar comes to rest above the footer instead of covering it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const barBox = (await bar.boundingBox())!;
    const footerBox = (await page.getByRole('contentinfo').boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(footerBox.y + 1);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await bar.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(`${urls.store}/cart?added=1`);
    await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});
