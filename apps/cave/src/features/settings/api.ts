import type {
  MakerspacePhotoList,
  MakerspaceSettings,
  MakerspaceSettingsUpdate,
} from '@makrx/contracts';
import { ApiError, apiUrl, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

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

/** Upload, reorder and delete photos. An upload is the image's bytes as the request body. */
export function usePhotoActions(slug: string) {
  const api = useCaveApi();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const onSuccess = useRefresh(slug);
  const base = `${spacePath(slug)}/photos`;
  return {
    upload: useMutation({
      mutationFn: async ({ file, alt }: { file: File; alt: string }) => {
        const response = await send(apiUrl(caveApiUrl, `/api/v1${base}`, { alt }), {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': file.type || 'application/octet-stream',
          },
          body: file,
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as {
            error?: { code?: string; message?: string };
          } | null;
          throw new ApiError(
            response.status,
            body?.error?.code ?? `HTTP_${response.status}`,
            body?.error?.message ?? 'The photo could not be uploaded.',
          );
        }
        return (await response.json()) as MakerspacePhotoList;
      },
      onSuccess,
    }),
    reorder: useMutation({
      mutationFn: (photoIds: string[]) =>
        api<MakerspacePhotoList>(`${base}/order`, { method: 'PUT', body: { photoIds } }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (photoId: string) =>
        api<MakerspacePhotoList>(`${base}/${photoId}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}
