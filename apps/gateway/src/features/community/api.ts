import type {
  CommunityMembers,
  FeedPage,
  FollowState,
  MakerFollowSummary,
  MyFollows,
  MyMakerspaceList,
} from '@makrx/contracts';
import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export const FEED_PAGE_SIZE = 20;
/** Every community answer sits under this key, so a follow refreshes counts, lists and the feed. */
const communityKey = ['community'] as const;

function useAuthApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) => requestJson<T>(send, authApiUrl, path, request),
    [send, authApiUrl],
  );
}

/** The signed-in user's feed, newest first, a page at a time. */
export function useFeed() {
  const api = useAuthApi();
  return useInfiniteQuery({
    queryKey: [...communityKey, 'feed'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<FeedPage>('/api/v1/me/feed', {
        params: { limit: FEED_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMyFollows(enabled = true) {
  const api = useAuthApi();
  return useQuery({
    queryKey: [...communityKey, 'follows'],
    enabled,
    queryFn: ({ signal }) => api<MyFollows>('/api/v1/me/follows', { signal }),
  });
}

/** A public maker's follower count and whether the viewer follows them. */
export function useMakerFollowers(handle: string, enabled = true) {
  const api = useAuthApi();
  return useQuery({
    queryKey: [...communityKey, 'followers', handle],
    enabled,
    queryFn: ({ signal }) =>
      api<MakerFollowSummary>(`/api/v1/community/makers/${encodeURIComponent(handle)}/followers`, {
        signal,
      }),
  });
}

/** Follows or unfollows a maker (`makers/<handle>`) or a makerspace (`makerspaces/<slug>`). */
export function useFollow(target: `makers/${string}` | `makerspaces/${string}`) {
  const api = useAuthApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) =>
      api<FollowState>(`/api/v1/me/follows/${target}`, { method: follow ? 'PUT' : 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: communityKey }),
  });
}

/** The signed-in user's makerspaces, from MakrCave. */
export function useMyMakerspaces(enabled = true) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: [...communityKey, 'my-makerspaces'],
    enabled,
    queryFn: ({ signal }) =>
      requestJson<MyMakerspaceList>(send, caveApiUrl, '/api/v1/me/makerspaces', { signal }),
  });
}

/** A makerspace's members directory, for its own people. */
export function useMakerspaceMembers(slug: string, roleFilter: string | undefined) {
  const api = useAuthApi();
  return useQuery({
    queryKey: [...communityKey, 'members', slug, roleFilter ?? 'all'],
    queryFn: ({ signal }) =>
      api<CommunityMembers>(`/api/v1/makerspaces/${encodeURIComponent(slug)}/community-members`, {
        params: roleFilter ? { role_filter: roleFilter } : {},
        signal,
      }),
  });
}
