import type {
  MakerspaceCreate,
  MakerspaceSettings,
  MakerspaceSettingsUpdate,
} from '@makrx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';
import { myMakerspacesKey } from '../memberships/api';
import { usePhotoActions } from '../photos/api';

const settingsKey = (slug: string) => ['settings', slug] as const;

export function useSettings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: settingsKey(slug),
    queryFn: ({ signal }) => api<MakerspaceSettings>(`${spacePath(slug)}/settings`, { signal }),
  });
}

/** Settings and photos change what the makerspace's pages show: those are asked again. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKey(slug) }),
      queryClient.invalidateQueries({ queryKey: ['makerspaces'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard', slug] }),
    ]);
}

export function useSaveSettings(slug: string) {
  const api = useCaveApi();
  const onSuccess = useRefresh(slug);
  return useMutation({
    mutationFn: (update: MakerspaceSettingsUpdate) =>
      api<MakerspaceSettings>(`${spacePath(slug)}/settings`, { method: 'PATCH', body: update }),
    onSuccess,
  });
}

/** Upload, reorder and delete the makerspace's photos. */
export function useMakerspacePhotoActions(slug: string) {
  return usePhotoActions(spacePath(slug), useRefresh(slug));
}

/**
 * Opens a new makerspace. Its creator becomes its admin, so their makerspaces and roles are
 * asked again before the app lands them on its settings.
 */
export function useCreateMakerspace() {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MakerspaceCreate) =>
      api<MakerspaceSettings>('/makerspaces', { method: 'POST', body: input }),
    onSuccess: (created) => {
      queryClient.setQueryData(settingsKey(created.slug), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: myMakerspacesKey }),
        queryClient.invalidateQueries({ queryKey: ['makerspaces'] }),
      ]);
    },
  });
}
