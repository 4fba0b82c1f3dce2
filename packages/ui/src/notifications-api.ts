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
  /**
   * Tells the bell when the user's notifications may have changed (the app's live stream);
   * returns the unsubscribe. Without it the bell asks every `UNREAD_POLL_MS`.
   */
  onChange?(listener: () => void): () => void;
}
