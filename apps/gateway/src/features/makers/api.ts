import type { MakerProfile, ProfilePage, ProjectPage } from '@makrx/contracts';
import { getJson, useRuntimeConfig } from '@makrx/spa-kit';
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
      getJson<MakerProfile>(
        authApiUrl,
        `/api/v1/profiles/${encodeURIComponent(handle)}`,
        undefined,
        signal,
      ),
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
