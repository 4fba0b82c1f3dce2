import type {
  NotificationPage,
  NotificationPreference,
  NotificationPreferences,
} from '@makrx/contracts';
import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export const NOTIFICATIONS_PAGE_SIZE = 20;
const notificationsKey = ['notifications'] as const;

function useNotificationsApi() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/notifications${path}`, request),
    [send, authApiUrl],
  );
}

export function useNotifications(page: number) {
  const api = useNotificationsApi();
  return useQuery({
    queryKey: [...notificationsKey, 'list', page],
    queryFn: ({ signal }) =>
      api<NotificationPage>('', { params: { page, pageSize: NOTIFICATIONS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const api = useNotificationsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api(id === 'all' ? '/read-all' : `/${id}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function usePreferences() {
  const api = useNotificationsApi();
  return useQuery({
    queryKey: [...notificationsKey, 'preferences'],
    queryFn: ({ signal }) => api<NotificationPreferences>('/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const api = useNotificationsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: NotificationPreference[]) =>
      api<NotificationPreferences>('/preferences', { method: 'PUT', body: { items } }),
    onSuccess: (saved) => queryClient.setQueryData([...notificationsKey, 'preferences'], saved),
  });
}
