import type { NotificationPage, UnreadCount } from '@makrx/contracts';
import { NotificationBell, type NotificationsApi } from '@makrx/ui';
import { useMemo, useState } from 'react';
import { requestJson } from '../api-client';
import { useLiveEvents } from '../live/live-events';
import { useRuntimeConfig } from '../runtime-config';
import { useAuthenticatedFetch, useSession } from './session-context';

/** How many the dropdown shows; the rest are on the notifications page. */
const LATEST = 5;

/**
 * New notifications as the app's live stream tells of them (and a resync, when it may have
 * missed some), whatever ENABLE_REAL_TIME_EQUIPMENT_STATUS says: that flag is about machines
 * and bookings. Undefined in an app without a stream, or while its stream is refused or
 * reconnecting: the bell polls then, and asks again the moment the stream is back.
 */
function useNotificationChanges(): ((listener: () => void) => () => void) | undefined {
  const [listeners] = useState(() => new Set<() => void>());
  const { live } = useLiveEvents((message) => {
    if (message.kind === 'notification.created' || message.kind === 'resync')
      for (const listener of listeners) listener();
  });
  return useMemo(
    () =>
      live
        ? (listener: () => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          }
        : undefined,
    [live, listeners],
  );
}

/** The header's bell for the signed-in user of this tab, asking the auth service with their token. */
export function SessionNotificationBell() {
  const session = useSession();
  const { authApiUrl, gatewayUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const changes = useNotificationChanges();
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
      ...(changes ? { onChange: changes } : {}),
    }),
    [send, authApiUrl, changes],
  );
  if (session.status !== 'signed-in') return null;
  return <NotificationBell api={api} seeAllHref={`${gatewayUrl}/notifications`} />;
}
