import type {
  FeatureFlag,
  FeatureFlagHistory,
  FeatureFlagList,
  FlagTargeting,
  MakerspacePage,
} from '@makrx/contracts';
import {
  getJson,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MakerspaceNames } from './presentation';

const flagAdminKey = ['flag-admin'] as const;

type FlagApi = <T>(path: string, request?: JsonRequest) => Promise<T>;

/** The auth service's flag API, called with the signed-in user's token. */
function useFlagApi(): FlagApi {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/flags${path}`, request),
    [send, authApiUrl],
  );
}

export function useFlags() {
  const api = useFlagApi();
  return useQuery({
    queryKey: [...flagAdminKey, 'flags'],
    queryFn: ({ signal }) => api<FeatureFlagList>('', { signal }),
  });
}

export function useFlagHistory(key: string, enabled: boolean) {
  const api = useFlagApi();
  return useQuery({
    queryKey: [...flagAdminKey, 'history', key],
    queryFn: ({ signal }) =>
      api<FeatureFlagHistory>(`/${encodeURIComponent(key)}/history`, { signal }),
    enabled,
  });
}

export interface FlagChange {
  key: string;
  enabled?: boolean;
  rolloutPercentage?: number;
  targeting?: FlagTargeting;
  justification: string;
}

/**
 * A change to a flag's settings for everyone. The list and the flag's history are fetched
 * again before the change counts as done, so the page shows what the service holds.
 */
export function useFlagChange() {
  const api = useFlagApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: FlagChange) =>
      api<FeatureFlag>(`/${encodeURIComponent(key)}`, { method: 'PATCH', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flagAdminKey }),
  });
}

/** Makerspace names by id, from the cave's public directory, for targeting and overrides. */
export function useMakerspaceNames(): MakerspaceNames {
  const { caveApiUrl } = useRuntimeConfig();
  const directory = useQuery({
    queryKey: ['makerspaces', 'names'],
    queryFn: ({ signal }) =>
      getJson<MakerspacePage>(caveApiUrl, '/api/v1/makerspaces', { pageSize: 100 }, signal),
    select: (page): MakerspaceNames => new Map(page.items.map((space) => [space.id, space.name])),
    staleTime: 5 * 60_000,
  });
  return directory.data ?? emptyNames;
}

const emptyNames: MakerspaceNames = new Map();

export interface OverrideChange {
  key: string;
  makerspaceId: string;
  enabled: boolean;
  justification: string;
}

/** A makerspace-scoped flag turned on or off for one makerspace. */
export function useOverrideChange() {
  const api = useFlagApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, makerspaceId, enabled, justification }: OverrideChange) =>
      api<FeatureFlag>(`/${encodeURIComponent(key)}/makerspaces/${makerspaceId}`, {
        method: 'PUT',
        body: { enabled, justification },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flagAdminKey }),
  });
}
