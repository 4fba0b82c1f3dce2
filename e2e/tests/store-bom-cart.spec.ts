import { randomUUID } from 'node:crypto';
import type { CartFill } from '@makrx/contracts';
import { expect, test } from './fixtures';
import { signInAtCave } from './cave-session';
import { expectAccessible, screenshot } from './page-checks';
import { serviceToken } from './service-tokens';
import { emptyStoreCart } from './store-cart';
import { urls } from './urls';

const member = 'member@demo.makrx.org';

const caveToken = () => serviceToken('makrcave-backend');

/** Whose the access token is: its subject, the user's id everywhere in MakrX. */
const subjectOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string })
    .sub;

test.describe('Quick Reorder: the cave fills the store cart', () => {
  test('a member signed in at the cave lands in their store cart with the BOM items, signed in', async ({
    page,
  }) => {
    // Signing in at the cave: the browser's token answer names the member.
    const tokenAnswer = page.waitForResponse(
      (response) =>
        response.url().includes('/protocol/openid-connect/token') &&
        response.request().method() === 'POST',
    );
    await signInAtCave(page, member);
    const { access_token: memberToken } = (await (await tokenAnswer).json()) as {
      access_token: string;
    };
    const userId = subjectOf(memberToken);
    await emptyStoreCart(page);

    const items = [
      { code: 'FIL-PLA-GBK-1000', quantity: 2 },
      { code: 'HW-M3-SKT-520', quantity: 3 },
      { code: 'ELE-ESP32-DKV1', quantity: 1 },
    ];
    const filled = await fetch(`${urls.storeApi}/api/v1/cart/bulk-add`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await caveToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId, reorderId: randomUUID(), items }),
    });
    expect(filled.status).toBe(200);
    const fill = (await filled.json()) as CartFill;
    expect(fill.added).toEqual(items);
    expect(fill.cartUrl).toBe(`${urls.store}/auth/login?returnTo=%2Fcart`);

    // No password asked: the identity provider's session from the cave signs the store in.
    await page.goto(fill.cartUrl);
    await expect(page).toHaveURL(`${urls.store}/cart`);
    await expect(page.getByRole('heading', { name: 'Your cart', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('banner').getByRole('button', { name: /account menu/ }),
    ).toContainText('Milo Member');
    const cart = page.getByRole('region', { name: 'Items in your cart' });
    for (const { code, quantity } of items) {
      const line = cart.getByRole('listitem').filter({ hasText: code });
      await expect(line).toHaveCount(1);
      await expect(line.getByRole('spinbutton')).toHaveValue(String(quantity));
    }
    await expectAccessible(page);
    await screenshot(page, 'store-bom-cart');
  });

  test('a store admin sees the demo makerspace’s purchasing account and closes and reopens it', async ({
    page,
  }) => {
    await page.goto(`${urls.store}/admin/purchasing-accounts`);
    await page.locator('input[name="username"]').fill('superadmin@demo.makrx.org');
    await page.locator('input[name="password"]').fill('makrx-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${urls.store}/admin/purchasing-accounts`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Purchasing accounts' }),
    ).toBeVisible();
    const hub = page.getByRole('listitem').filter({ hasText: 'MakrX Hub Bengaluru' });
    await expect(hub).toContainText('Active');
    await expect(hub).toContainText('$5,000.00');
    await expectAccessible(page);
    await screenshot(page, 'store-admin-purchasing-accounts');

    await hub.getByRole('checkbox', { name: 'May order' }).uncheck();
    await hub.getByRole('button', { name: /Save/ }).click();
    await expect(page.getByRole('status')).toContainText('MakrX Hub Bengaluru saved');
    await expect(hub).toContainText('Closed');
    await hub.getByRole('checkbox', { name: 'May order' }).check();
    await hub.getByRole('button', { name: /Save/ }).click();
    await expect(hub).toContainText('Active');
  });
});
