import {
  NAVIGATOR_ORDER_COUNT,
  PortalNavigator,
  type NavigatorMakerspace,
  type NavigatorOrder,
  type Portal,
} from '@makrx/ui';
import { useQuery } from '@tanstack/react-query';
import { requestJson } from '../api-client';
import { portalUrlsOf, useRuntimeConfig } from '../runtime-config';
import { useAuthenticatedFetch, useSession } from '../session/session-context';

/** The cave's answer shape, and its query key: the cave app shares the cache with its switcher. */
interface MyMakerspaces {
  items: Array<{ makerspace: { slug: string; name: string }; roles: NavigatorMakerspace['roles'] }>;
}
interface MyOrders {
  items: NavigatorOrder[];
}

/**
 * The portal navigator fed by this tab's session: the signed-in user's makerspaces from the
 * cave and latest orders from the store, asked in the browser. A section whose service does
 * not answer is left out rather than shown empty.
 */
export function SessionPortalNavigator({ current }: { current: Portal }) {
  const config = useRuntimeConfig();
  const session = useSession();
  const send = useAuthenticatedFetch();
  const signedIn = session.status === 'signed-in';
  const makerspaces = useQuery({
    queryKey: ['me', 'makerspaces'],
    queryFn: ({ signal }) =>
      requestJson<MyMakerspaces>(send, config.caveApiUrl, '/api/v1/me/makerspaces', { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  });
  const orders = useQuery({
    queryKey: ['me', 'orders', 'latest'],
    queryFn: ({ signal }) =>
      requestJson<MyOrders>(send, config.storeApiUrl, '/api/v1/orders', {
        params: { page: 1, pageSize: NAVIGATOR_ORDER_COUNT },
        signal,
      }),
    enabled: signedIn,
    staleTime: 60_000,
  });
  return (
    <PortalNavigator
      current={current}
      urls={portalUrlsOf(config)}
      signedIn={
        signedIn
          ? {
              makerspaces: makerspaces.data?.items.map(({ makerspace, roles }) => ({
                slug: makerspace.slug,
                name: makerspace.name,
                roles,
              })),
              orders: orders.data?.items,
            }
          : undefined
      }
    />
  );
}
