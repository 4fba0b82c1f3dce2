import type { MakerProfile, ProfilePage } from '@makrx/contracts';
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

export function useMakerDirectory(page: number) {
  const { authApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makers', 'directory', page],
    queryFn: ({ signal }) =>
      getJson<ProfilePage>(
        authApiUrl,
        '/api/v1/profiles',
        { page, pageSize: MAKERS_PAGE_SIZE },
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
