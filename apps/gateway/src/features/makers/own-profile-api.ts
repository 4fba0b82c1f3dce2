import type { OwnProfile, ProfileVisibility } from '@makrx/contracts';
import { requestJson, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

// Apart from api.ts, which the home page loads: only the account page asks for these.

/** Under 'makers', so a change refetches this and marks the directory and profiles stale. */
const makersKey = ['makers'] as const;
const ownProfileKey = [...makersKey, 'own'] as const;

export function useOwnProfile() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: ownProfileKey,
    queryFn: ({ signal }) =>
      requestJson<OwnProfile>(send, authApiUrl, '/api/v1/me/profile', { signal }),
  });
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
