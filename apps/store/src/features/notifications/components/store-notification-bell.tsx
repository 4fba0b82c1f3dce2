'use client';

import type { NotificationPage, UnreadCount } from '@makrx/contracts';
import { NotificationBell, type NotificationsApi } from '@makrx/ui';
import { STORE_CALL_HEADER } from '../store-call-header';

async function ask<T>(path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const response = await fetch(`/api/notifications${path}`, {
    method,
    headers: { accept: 'application/json', [STORE_CALL_HEADER]: '1' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`notifications answered ${response.status}`);
  return (await response.json()) as T;
}

/** The store's server asks the auth service with the session's token (app/api/notifications). */
const storeNotifications: NotificationsApi = {
  unreadCount: async () => (await ask<UnreadCount>('/unread-count')).count,
  latest: async () => (await ask<NotificationPage>('?pageSize=5')).items,
  markRead: async (id) => {
    await ask(`/${id}/read`, 'POST');
  },
  markAllRead: async () => {
    await ask('/read-all', 'POST');
  },
};

export function StoreNotificationBell({ gatewayUrl }: { gatewayUrl: string }) {
  return <NotificationBell api={storeNotifications} seeAllHref={`${gatewayUrl}/notifications`} />;
}
