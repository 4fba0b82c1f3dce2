import type { InviteAccepted, InviteValidation } from '@makrx/contracts';
import { requestJson, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQueryClient } from '@tanstack/react-query';

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
    // The new membership changes what the makerspace pages show this person.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['makerspaces'] }),
  });
}
