import type {
  PurchaseSummary,
  ShippingMethod,
  SavedAddress,
  SavedAddressInput,
  ShippingPreferences,
} from '@makrx/contracts';
import {
  ApiError,
  apiUrl,
  getJson,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

const addressesKey = ['shipping-preferences'] as const;

function useMeApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/me${path}`, request),
    [send, authApiUrl],
  );
}

export function useShippingPreferences() {
  const api = useMeApi();
  return useQuery({
    queryKey: addressesKey,
    queryFn: ({ signal }) => api<ShippingPreferences>('/addresses', { signal }),
  });
}

/** The methods the store offers, so the default is one the store knows. */
export function useStoreShippingMethods() {
  const { storeApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['store', 'shipping-methods'],
    queryFn: ({ signal }) =>
      getJson<{ items: ShippingMethod[] }>(
        storeApiUrl,
        '/api/v1/shipping-methods',
        undefined,
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

export function usePurchaseSummary() {
  const api = useMeApi();
  return useQuery({
    queryKey: ['purchase-activity'],
    queryFn: ({ signal }) => api<PurchaseSummary>('/purchase-activity', { signal }),
  });
}

function useChange<Variables>(run: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesKey }),
  });
}

export function useSaveAddress() {
  const api = useMeApi();
  return useChange(({ id, address }: { id?: string; address: SavedAddressInput }) =>
    id
      ? api<SavedAddress>(`/addresses/${id}`, { method: 'PUT', body: address })
      : api<SavedAddress>('/addresses', { method: 'POST', body: address }),
  );
}

export function useMakeDefault() {
  const api = useMeApi();
  return useChange((id: string) =>
    api<SavedAddress>(`/addresses/${id}/default`, { method: 'POST' }),
  );
}

export function useDeleteAddress() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  // 204 has no body to parse, so this one is sent as it is.
  return useChange(async (id: string) => {
    const response = await send(apiUrl(authApiUrl, `/api/v1/me/addresses/${id}`), {
      method: 'DELETE',
    });
    if (!response.ok)
      throw new ApiError(
        response.status,
        `HTTP_${response.status}`,
        'The address was not deleted.',
      );
  });
}

export function useSaveShippingMethod() {
  const api = useMeApi();
  return useChange((defaultShippingMethod: string | null) =>
    api('/shipping-method', { method: 'PUT', body: { defaultShippingMethod } }),
  );
}
