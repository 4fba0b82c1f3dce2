import type { Project, ProjectPage } from '@makrx/contracts';
import {
  getJson,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export const PROJECTS_PAGE_SIZE = 9;

export function usePublicProjects(page: number) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['projects', 'public', page],
    queryFn: ({ signal }) =>
      getJson<ProjectPage>(
        caveApiUrl,
        '/api/v1/projects',
        { page, pageSize: PROJECTS_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One project, asked with the signed-in user's token so that an owner sees a private one. */
export function useProject(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'detail', slug, user?.username ?? null],
    queryFn: ({ signal }) =>
      requestJson<Project>(send, caveApiUrl, `/api/v1/projects/${encodeURIComponent(slug)}`, {
        signal,
      }),
  });
}

export function formatProjectDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}
