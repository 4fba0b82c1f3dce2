import type { MakerspacePage, ProjectPage, ProvidersAvailable } from '@makrx/contracts';
import { getJson, useRuntimeConfig } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';

export const LANDING_PROJECT_COUNT = 3;
export const LANDING_MAKERSPACE_COUNT = 3;
export const LANDING_PROVIDER_COUNT = 3;

/** The cave's public projects, most recently updated first. */
export function useRecentProjects() {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['landing', 'projects'],
    queryFn: ({ signal }) =>
      getJson<ProjectPage>(
        caveApiUrl,
        '/api/v1/projects',
        { page: 1, pageSize: LANDING_PROJECT_COUNT },
        signal,
      ),
  });
}

/** The first makerspaces of the cave's public directory. */
export function useFeaturedMakerspaces() {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['landing', 'makerspaces'],
    queryFn: ({ signal }) =>
      getJson<MakerspacePage>(
        caveApiUrl,
        '/api/v1/makerspaces',
        { page: 1, pageSize: LANDING_MAKERSPACE_COUNT },
        signal,
      ),
  });
}

/** Providers taking print jobs: public only while ENABLE_SERVICE_MARKETPLACE is on. */
export function useFeaturedProviders(enabled: boolean) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['landing', 'providers'],
    queryFn: ({ signal }) =>
      getJson<ProvidersAvailable>(caveApiUrl, '/api/v1/providers', {}, signal),
    enabled,
  });
}
