import type { MyMakerspaceList, OrderPage } from '@makrx/contracts';
import { NAVIGATOR_ORDER_COUNT, type PortalNavigatorProps } from '@makrx/ui';
import { callService } from '../../lib/service-client';

/** The header waits this long at most for each answer; a late one leaves its section out. */
const NAVIGATOR_TIMEOUT_MS = 1500;

/**
 * What the portal navigator (ENABLE_PORTAL_NAVIGATION_V2) lists for the signed-in visitor,
 * asked on the store's server with their token, so the menu is in the page as it arrives: their
 * makerspaces from the cave and latest orders from the store. A service that does not answer
 * leaves its section out rather than failing the page.
 */
export async function navigatorDataFor(
  signedIn: boolean,
): Promise<PortalNavigatorProps['signedIn']> {
  if (!signedIn) return undefined;
  const [makerspaces, orders] = await Promise.all([
    callService<MyMakerspaceList>('cave', '/me/makerspaces', { timeoutMs: NAVIGATOR_TIMEOUT_MS })
      .then(({ body }) =>
        body.items.map(({ makerspace, roles }) => ({
          slug: makerspace.slug,
          name: makerspace.name,
          roles,
        })),
      )
      .catch(() => undefined),
    callService<OrderPage>('store', `/orders?page=1&pageSize=${NAVIGATOR_ORDER_COUNT}`, {
      timeoutMs: NAVIGATOR_TIMEOUT_MS,
    })
      .then(({ body }) => body.items)
      .catch(() => undefined),
  ]);
  return { makerspaces, orders };
}
