import {
  MAX_FEATURED_PROJECTS,
  type MyAchievements,
  type MyFeaturedProjects,
} from '@makrx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCaveApi } from '../../cave-api';

const featuredKey = ['me', 'featured-projects'] as const;

export function useMyAchievements() {
  const api = useCaveApi();
  return useQuery({
    queryKey: ['me', 'achievements'],
    queryFn: ({ signal }) => api<MyAchievements>('/me/achievements', { signal }),
  });
}

export function useMyFeaturedProjects() {
  const api = useCaveApi();
  return useQuery({
    queryKey: featuredKey,
    queryFn: ({ signal }) => api<MyFeaturedProjects>('/me/featured-projects', { signal }),
  });
}

/**
 * Features a project on the caller's profile (last in order) or stops featuring it; refused
 * with a sentence when the profile already features the most it shows.
 */
export function useFeatureProject() {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ projectId, featured }: { projectId: string; featured: boolean }) => {
      const current = await queryClient.fetchQuery({
        queryKey: featuredKey,
        queryFn: ({ signal }) => api<MyFeaturedProjects>('/me/featured-projects', { signal }),
      });
      const ids = current.items.map((p) => p.id).filter((id) => id !== projectId);
      if (featured && ids.length >= MAX_FEATURED_PROJECTS) {
        throw new Error(
          `Your profile features ${MAX_FEATURED_PROJECTS} projects already; stop featuring one first.`,
        );
      }
      return api<MyFeaturedProjects>('/me/featured-projects', {
        method: 'PUT',
        body: { projectIds: featured ? [...ids, projectId] : ids },
      });
    },
    onSuccess: (data) => queryClient.setQueryData(featuredKey, data),
  });
}
