import type { InviteAccepted, InviteValidation } from '@makrx/contracts';
import { requestJson, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myMakerspacesKey } from '../memberships/api';

/** Turns the mailed invite into a membership of the signed-in person; answers where to land. */
export function useAcceptInvite() {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      requestJson<InviteAccepted>(send, caveApiUrl, '/api/v1/invites/validate', {
        method: 'POST',
        body: { token } satisfies InviteValidation,
      }),
    // The new membership changes what the makerspace pages show this person, and their roles
    // there: both are fetched again before the app lands them on the makerspace.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['makerspaces'] }),
        queryClient.invalidateQueries({ queryKey: myMakerspacesKey }),
      ]),
  });
}
