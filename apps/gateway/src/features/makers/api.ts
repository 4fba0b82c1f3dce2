import type {
  MakerProfileDetail,
  ProfilePage,
  ProjectPage,
  PurchaseSummary,
} from '@makrx/contracts';
import { ApiError, getJson, useRuntimeConfig } from '@makrx/spa-kit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export const FEATURED_MAKER_COUNT = 6;
export const MAKERS_PAGE_SIZE = 12;

export function useFeaturedMakers() {
  const { authApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'featured'],
    queryFn: ({ signal }) =>
      getJson<ProfilePage>(
        authApiUrl,
        '/api/v1/profiles',
        { featured: true, page: 1, pageSize: FEATURED_MAKER_COUNT },
        signal,
      ),
  });
}

/** What the directory is narrowed to: a skill, a city, or neither (from the page's query). */
export interface DirectoryFilter {
  skill?: string | undefined;
  city?: string | undefined;
}

export function useMakerDirectory(page: number, filter: DirectoryFilter = {}) {
  const { authApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'directory', page, filter.skill ?? '', filter.city ?? ''],
    queryFn: ({ signal }) =>
      getJson<ProfilePage>(
        authApiUrl,
        '/api/v1/profiles',
        { page, pageSize: MAKERS_PAGE_SIZE, skill: filter.skill, city: filter.city },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMakerProfile(handle: string) {
  const { authApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'profile', handle],
    queryFn: ({ signal }) =>
      getJson<MakerProfileDetail>(
        authApiUrl,
        `/api/v1/profiles/${encodeURIComponent(handle)}`,
        undefined,
        signal,
      ),
  });
}

/**
 * What the maker chose to show of their store purchases; null when they show nothing (the
 * service answers 404 then, as for a maker who never bought anything).
 */
export function useSharedPurchases(handle: string) {
  const { authApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'purchases', handle],
    queryFn: async ({ signal }) => {
      try {
        return await getJson<PurchaseSummary>(
          authApiUrl,
          `/api/v1/profiles/${encodeURIComponent(handle)}/purchase-activity`,
          undefined,
          signal,
        );
      } catch (error) {
        if (error instanceof ApiError && error.isNotFound) return null;
        throw error;
      }
    },
  });
}

/** A maker's public projects, from MakrCave (their private ones are never listed). */
export function useMakerProjects(userId: string | undefined) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'projects', userId],
    enabled: userId !== undefined,
    queryFn: ({ signal }) =>
      getJson<ProjectPage>(
        caveApiUrl,
        '/api/v1/projects',
        { owner: userId, page: 1, pageSize: 12 },
        signal,
      ),
  });
}
