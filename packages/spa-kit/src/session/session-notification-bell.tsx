import type { NotificationPage, UnreadCount } from '@makrx/contracts';
import { NotificationBell, type NotificationsApi } from '@makrx/ui';
import { useMemo } from 'react';
import { requestJson } from '../api-client';
import { useRuntimeConfig } from '../runtime-config';
import { useAuthenticatedFetch, useSession } from './session-context';

/** How many the dropdown shows; the rest are on the notifications page. */
const LATEST = 5;

/** The header's bell for the signed-in user of this tab, asking the auth service with their token. */
export function SessionNotificationBell() {
  const session = useSession();
  const { authApiUrl, gatewayUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const api = useMemo<NotificationsApi>(
    () => ({
      unreadCount: async () =>
        (await requestJson<UnreadCount>(send, authApiUrl, '/api/v1/notifications/unread-count'))
          .count,
      latest: async () =>
        (
          await requestJson<NotificationPage>(send, authApiUrl, '/api/v1/notifications', {
            params: { pageSize: LATEST },
          })
        ).items,
      markRead: async (id) => {
        await requestJson(send, authApiUrl, `/api/v1/notifications/${id}/read`, {
          method: 'POST',
        });
      },
      markAllRead: async () => {
        await requestJson(send, authApiUrl, '/api/v1/notifications/read-all', { method: 'POST' });
      },
    }),
    [send, authApiUrl],
  );
  if (session.status !== 'signed-in') return null;
  return <NotificationBell api={api} seeAllHref={`${gatewayUrl}/notifications`} />;
}
