import type { OwnProfile, ProfileAvatar, ProfileEdit, ProfileVisibility } from '@makrx/contracts';
import {
  ApiError,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

// Apart from api.ts, which the home page loads: only the account pages ask for these.

/** Under 'makers', so a change refetches this and marks the directory and profiles stale. */
const makersKey = ['makers'] as const;
const ownProfileKey = [...makersKey, 'own'] as const;

export function useOwnProfile({ enabled = true }: { enabled?: boolean } = {}) {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: ownProfileKey,
    enabled,
    queryFn: ({ signal }) =>
      requestJson<OwnProfile>(send, authApiUrl, '/api/v1/me/profile', { signal }),
  });
}

/** The signed-in user's handle, or undefined for a guest (to tell the owner their own page). */
export function useOwnHandle(): string | undefined {
  const session = useSession();
  const own = useOwnProfile({ enabled: session.status === 'signed-in' });
  return session.status === 'signed-in' ? own.data?.handle : undefined;
}

/** Makes the signed-in user's profile public or private; settles once the profile is read again. */
export function useChooseProfileVisibility() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (visible: boolean) =>
      requestJson<ProfileVisibility>(send, authApiUrl, '/api/v1/me/profile/visibility', {
        method: 'PUT',
        body: { public: visible } satisfies ProfileVisibility,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: makersKey }),
  });
}

/** Saves the owner's changes to their profile; the directory and pages read it again. */
export function useEditProfile() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: ProfileEdit) =>
      requestJson<OwnProfile>(send, authApiUrl, '/api/v1/me/profile', {
        method: 'PATCH',
        body: edit,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: makersKey }),
  });
}

/** Sends a picture's bytes as they are; the service judges, squares and resizes it. */
export function useUploadAvatar() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ProfileAvatar> => {
      let response: Response;
      try {
        response = await send(`${authApiUrl}/api/v1/me/profile/avatar`, {
          method: 'PUT',
          headers: {
            Accept: 'application/json',
            'Content-Type': file.type || 'application/octet-stream',
          },
          body: file,
        });
      } catch {
        throw new ApiError(0, 'SERVICE_UNREACHABLE', 'The service could not be reached.');
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code?: string; message?: string };
        } | null;
        throw new ApiError(
          response.status,
          body?.error?.code ?? `HTTP_${response.status}`,
          body?.error?.message ?? 'The picture was not saved.',
        );
      }
      return (await response.json()) as ProfileAvatar;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: makersKey }),
  });
}

export function useRemoveAvatar() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestJson<null>(send, authApiUrl, '/api/v1/me/profile/avatar', { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: makersKey }),
  });
}
