import { expect, type Page } from './fixtures';
import { urls } from './urls';

/** The store's print page, signed in as the demo customer from its own sign-in prompt. */
export async function signInForPrint(page: Page, path = '/print') {
  await page.goto(`${urls.store}${path}`);
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill('customer@demo.makrx.org');
  await page.locator('input[name="password"]').fill('makrx-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${urls.store}${path}`);
}

/** Drops a file on the print page's drop zone the way a browser does: a drop event carrying it. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  const zone = page.getByTestId('drop-zone');
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'model/stl' }));
      return transfer;
    },
    { name, data: [...bytes] },
  );
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}
