import type {
  FeatureFlag,
  FeatureFlagHistory,
  FeatureFlagList,
  FlagChangeProposal,
  FlagChangeProposalList,
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
  /** Applied at once by a super admin, outside the change process; otherwise proposed. */
  emergency: boolean;
}

export type FlagChangeOutcome =
  { kind: 'applied'; flag: FeatureFlag } | { kind: 'proposed'; proposal: FlagChangeProposal };

/**
 * A change to a flag's settings for everyone (spec 5): proposed for another admin to approve,
 * or, for a super admin's emergency, applied at once. The list, proposals and history are
 * fetched again before the change counts as done, so the page shows what the service holds.
 */
export function useFlagChange() {
  const api = useFlagApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ key, emergency, ...body }: FlagChange): Promise<FlagChangeOutcome> => {
      const path = `/${encodeURIComponent(key)}`;
      if (emergency)
        return { kind: 'applied', flag: await api<FeatureFlag>(path, { method: 'PATCH', body }) };
      const proposal = await api<FlagChangeProposal>(`${path}/proposals`, {
        method: 'POST',
        body,
      });
      return { kind: 'proposed', proposal };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: flagAdminKey }),
  });
}

/** The proposals waiting for a decision, newest first. */
export function useOpenProposals() {
  const api = useFlagApi();
  return useQuery({
    queryKey: [...flagAdminKey, 'proposals', 'open'],
    queryFn: ({ signal }) => api<FlagChangeProposalList>('/proposals?status=open', { signal }),
  });
}

export type ProposalDecision =
  { id: string; action: 'approve' | 'withdraw' } | { id: string; action: 'reject'; reason: string };

/** Approve (the change takes effect), reject with a reason, or withdraw one's own proposal. */
export function useProposalDecision() {
  const api = useFlagApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ProposalDecision) =>
      api<FlagChangeProposal>(`/proposals/${decision.id}/${decision.action}`, {
        method: 'POST',
        ...(decision.action === 'reject' ? { body: { reason: decision.reason } } : {}),
      }),
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
