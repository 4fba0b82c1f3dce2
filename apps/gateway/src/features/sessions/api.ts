import type { ActiveSessions, SessionsEnded } from '@makrx/contracts';
import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

const sessionsKey = ['account', 'sessions'] as const;

function useSessionsApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/me/sessions${path}`, request),
    [send, authApiUrl],
  );
}

/** The signed-in user's sessions at the identity provider. */
export function useActiveSessions() {
  const api = useSessionsApi();
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api<ActiveSessions>('', { signal }),
  });
}

export function useEndSession() {
  const api = useSessionsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      api<SessionsEnded>(`/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSignOutEverywhere() {
  const api = useSessionsApi();
  return useMutation({
    mutationFn: () => api<SessionsEnded>('/sign-out-everywhere', { method: 'POST' }),
  });
}
