import type {
  MyMakerspaceList,
  MyPrintOrderList,
  OrderPage,
  PurchaseSharing,
} from '@makrx/contracts';
import { requestJson, useAuthenticatedFetch, useRuntimeConfig, useSession } from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const MY_RECENT_ORDER_COUNT = 5;

/** The signed-in user's makerspaces and roles in each, from the cave. */
export function useMyMakerspaces() {
  const session = useSession();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    // The portal navigator asks the same question under the same key.
    queryKey: ['me', 'makerspaces'],
    queryFn: ({ signal }) =>
      requestJson<MyMakerspaceList>(send, caveApiUrl, '/api/v1/me/makerspaces', { signal }),
    enabled: session.status === 'signed-in',
  });
}

/** The signed-in user's latest store orders, newest first. */
export function useMyRecentOrders() {
  const session = useSession();
  const { storeApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: ['me', 'orders', 'recent'],
    queryFn: ({ signal }) =>
      requestJson<OrderPage>(send, storeApiUrl, '/api/v1/orders', {
        params: { page: 1, pageSize: MY_RECENT_ORDER_COUNT },
        signal,
      }),
    enabled: session.status === 'signed-in',
  });
}

export const MY_PRINT_COUNT = 5;

/** The signed-in user's latest 3D prints ordered at the store. */
export function useMyPrints() {
  const session = useSession();
  const { storeApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: ['me', 'print-orders'],
    queryFn: ({ signal }) =>
      requestJson<MyPrintOrderList>(send, storeApiUrl, '/api/v1/me/print-orders', {
        params: { limit: MY_PRINT_COUNT },
        signal,
      }),
    enabled: session.status === 'signed-in',
  });
}

const purchaseSharingKey = ['me', 'purchase-activity', 'sharing'] as const;

/** Whether the user shows their purchase activity on their public profile. */
export function usePurchaseSharing() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: purchaseSharingKey,
    queryFn: ({ signal }) =>
      requestJson<PurchaseSharing>(send, authApiUrl, '/api/v1/me/purchase-activity/sharing', {
        signal,
      }),
  });
}

export function useChangePurchaseSharing() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: PurchaseSharing) =>
      requestJson<PurchaseSharing>(send, authApiUrl, '/api/v1/me/purchase-activity/sharing', {
        method: 'PUT',
        body: choice,
      }),
    onSuccess: (saved) => queryClient.setQueryData(purchaseSharingKey, saved),
  });
}
