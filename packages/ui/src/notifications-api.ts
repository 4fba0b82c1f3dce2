/** A notification as the header's bell shows it (the auth service's `Notification`). */
export interface BellNotification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** How an app reaches the signed-in user's notifications: its own token, or its server. */
export interface NotificationsApi {
  unreadCount(): Promise<number>;
  /** The newest few, read or not. */
  latest(): Promise<BellNotification[]>;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
}
