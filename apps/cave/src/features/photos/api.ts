import type { PhotoList } from '@makrx/contracts';
import { ApiError, apiUrl, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation } from '@tanstack/react-query';
import { useCaveApi } from '../../cave-api';

/** What the photos panel changes an album with: upload, reorder, delete. */
export type PhotoActions = ReturnType<typeof usePhotoActions>;

/**
 * Upload, reorder and delete the photos of one album (a makerspace's, a machine's) at
 * `${base}/photos`. An upload is the image's bytes as the request body; `onSuccess` refreshes
 * what shows the album.
 */
export function usePhotoActions(base: string, onSuccess: () => Promise<unknown>) {
  const api = useCaveApi();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const photos = `${base}/photos`;
  return {
    upload: useMutation({
      mutationFn: async ({ file, alt }: { file: File; alt: string }) => {
        const response = await send(apiUrl(caveApiUrl, `/api/v1${photos}`, { alt }), {
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
        return (await response.json()) as PhotoList;
      },
      onSuccess,
    }),
    reorder: useMutation({
      mutationFn: (photoIds: string[]) =>
        api<PhotoList>(`${photos}/order`, { method: 'PUT', body: { photoIds } }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (photoId: string) => api<PhotoList>(`${photos}/${photoId}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}
