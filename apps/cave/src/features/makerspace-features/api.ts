import type {
  FeatureFlag,
  FeatureFlagHistory,
  FeatureFlagList,
  FeatureFlagListItem,
} from '@makrx/contracts';
import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

const featuresKey = ['makerspace-features'] as const;

/** The auth service's flag API (it owns the flags), with the signed-in user's token. */
function useFlagApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/flags${path}`, request),
    [send, authApiUrl],
  );
}

/** The flags a makerspace can turn on or off for itself. */
export function useMakerspaceFlags() {
  const api = useFlagApi();
  return useQuery({
    queryKey: [...featuresKey, 'flags'],
    queryFn: ({ signal }) => api<FeatureFlagList>('', { signal }),
    select: ({ flags }): FeatureFlagListItem[] =>
      flags.filter((flag) => flag.scope === 'makerspace'),
  });
}

/** One flag's changes for this makerspace only. */
export function useMakerspaceFlagHistory(key: string, makerspaceId: string) {
  const api = useFlagApi();
  return useQuery({
    queryKey: [...featuresKey, 'history', key, makerspaceId],
    queryFn: ({ signal }) =>
      api<FeatureFlagHistory>(`/${encodeURIComponent(key)}/history`, {
        params: { makerspaceId },
        signal,
      }),
  });
}

export interface OverrideChange {
  key: string;
  makerspaceId: string;
  enabled: boolean;
  justification: string;
}

export function useOverrideChange() {
  const api = useFlagApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, makerspaceId, enabled, justification }: OverrideChange) =>
      api<FeatureFlag>(`/${encodeURIComponent(key)}/makerspaces/${makerspaceId}`, {
        method: 'PUT',
        body: { enabled, justification },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: featuresKey }),
  });
}
