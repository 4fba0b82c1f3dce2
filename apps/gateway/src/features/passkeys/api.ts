import type { AddPasskeyBody, Passkey, PasskeyList } from '@makrx/contracts';
import {
  ApiError,
  apiUrl,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import {
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

const passkeysKey = ['passkeys'] as const;

function usePasskeyApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/me/passkeys${path}`, request),
    [send, authApiUrl],
  );
}

export function usePasskeys() {
  const api = usePasskeyApi();
  return useQuery({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => api<PasskeyList>('', { signal }),
  });
}

function useChange<Variables, Result>(run: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysKey }),
  });
}

/**
 * The registration ceremony, run here on the gateway (decision 0033): options from the auth
 * service, the browser's authenticator through @simplewebauthn/browser (in this page's own
 * chunk), the answer kept by the service.
 */
export function useAddPasskey() {
  const api = usePasskeyApi();
  return useChange(async (name: string) => {
    const optionsJSON = await api<PublicKeyCredentialCreationOptionsJSON>('/registration-options', {
      method: 'POST',
    });
    const response = await startRegistration({ optionsJSON });
    const body: AddPasskeyBody = { name, response: response as AddPasskeyBody['response'] };
    return api<Passkey>('', { method: 'POST', body });
  });
}

export function useRenamePasskey() {
  const api = usePasskeyApi();
  return useChange(({ id, name }: { id: string; name: string }) =>
    api<Passkey>(`/${id}`, { method: 'PATCH', body: { name } }),
  );
}

export function useRemovePasskey() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  // 204 has no body to parse, so this one is sent as it is; a refusal's body says why.
  return useChange(async (id: string) => {
    const response = await send(apiUrl(authApiUrl, `/api/v1/me/passkeys/${id}`), {
      method: 'DELETE',
    });
    if (response.ok) return;
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? 'The passkey was not removed.',
    );
  });
}
