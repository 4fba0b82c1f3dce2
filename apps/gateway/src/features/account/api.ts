import type { AccountDeletion, AccountPreferences } from '@makrx/contracts';
import {
  ApiError,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { downloadFileName } from './presentation';

const preferencesKey = ['account', 'preferences'] as const;

function useMeApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/me${path}`, request),
    [send, authApiUrl],
  );
}

export function useAccountPreferences() {
  const api = useMeApi();
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => api<AccountPreferences>('/preferences', { signal }),
  });
}

export function useSaveAccountPreferences() {
  const api = useMeApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (chosen: AccountPreferences) =>
      api<AccountPreferences>('/preferences', { method: 'PUT', body: chosen }),
    onSuccess: (saved) => queries.setQueryData(preferencesKey, saved),
  });
}

/** Fetches the export with the person's token and hands it to the browser as a file. */
export function useDownloadExport() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async () => {
      const response = await send(new URL('/api/v1/me/export', authApiUrl).toString());
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code: string; message: string };
        } | null;
        throw new ApiError(
          response.status,
          body?.error?.code ?? 'INTERNAL',
          body?.error?.message ?? 'The export could not be made.',
        );
      }
      const file = new Blob([await response.text()], { type: 'application/json' });
      const name = downloadFileName(response.headers.get('content-disposition'), new Date());
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
      return name;
    },
  });
}

export function useDeleteAccount() {
  const api = useMeApi();
  return useMutation({
    mutationFn: (confirmEmail: string) =>
      api<AccountDeletion>('/account', { method: 'DELETE', body: { confirmEmail } }),
  });
}
