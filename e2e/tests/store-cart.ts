import { expect, type Page } from './fixtures';
import { urls } from './urls';

/**
 * Empties the signed-in person's store cart from its page (signed in at the store through
 * MakrX's single sign-on), so a test that fills it finds only what it put there: earlier specs
 * share the demo member's cart.
 */
export async function emptyStoreCart(page: Page): Promise<void> {
  await page.goto(`${urls.store}/auth/login?returnTo=%2Fcart`);
  await expect(page).toHaveURL(new RegExp(`^${urls.store}/cart`));
  const remove = page.getByRole('main').getByRole('button', { name: /^Remove/ });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
}
