import type { PhotoList } from '@makrx/contracts';
import { apiUrl, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation } from '@tanstack/react-query';
import { uploadBytes, useCaveApi } from '../../cave-api';

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
      mutationFn: ({ file, alt }: { file: File; alt: string }) =>
        uploadBytes<PhotoList>(
          send,
          apiUrl(caveApiUrl, `/api/v1${photos}`, { alt }),
          file,
          'The photo could not be uploaded.',
        ),
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
