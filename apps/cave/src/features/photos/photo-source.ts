import { apiUrl, useRuntimeConfig } from '@makrx/spa-kit';

/**
 * Where the browser fetches a photo: the service answers its path on the cave API
 * (`/media/…`), which is another origin than the app's.
 */
export function usePhotoSource(): (photo: { url: string }) => string {
  const { caveApiUrl } = useRuntimeConfig();
  return (photo) => apiUrl(caveApiUrl, photo.url);
}
