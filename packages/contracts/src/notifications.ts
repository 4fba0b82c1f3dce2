import { z } from 'zod';
import { notificationKinds, notificationSources } from './notification-kinds';
import { pageOf, pageQuery } from './pagination';

export * from './notification-kinds';

export const notificationKind = z.enum(notificationKinds);
export const notificationSource = z.enum(notificationSources);

export const notification = z.object({
  id: z.uuid(),
  kind: notificationKind,
  /** The service that raised it: auth (MakrX.org), cave or store. */
  source: notificationSource,
  title: z.string(),
  body: z.string(),
  /** Where the notification leads, an absolute URL in one of the apps. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type NotificationQuery = z.infer<typeof notificationQuery>;

export const notificationPage = pageOf(notification);
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCount>;

export const notificationPreference = z.object({
  kind: notificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreference>;

export const notificationPreferences = z.object({
  items: z.array(notificationPreference),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationPreferencesUpdate = z.object({
  items: z
    .array(notificationPreference)
    .min(1)
    .max(notificationKinds.length)
    .refine((items) => new Set(items.map((item) => item.kind)).size === items.length, {
      message: 'Each kind may appear once.',
    }),
});

/** What the cave and store send to raise a notification for a user (an integration endpoint). */
export const raiseNotificationRequest = z.object({
  userId: z.uuid(),
  kind: notificationKind,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2000).default(''),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  /** The caller's key for this notification (its outbox event id): a repeat raises nothing. */
  idempotencyKey: z.string().trim().min(1).max(200),
});
export type RaiseNotificationRequest = z.input<typeof raiseNotificationRequest>;

export const raisedNotification = z.object({
  id: z.uuid(),
  /** False when the key had been used: the first notification is answered again. */
  created: z.boolean(),
});
export type RaisedNotification = z.infer<typeof raisedNotification>;

export const markedRead = z.object({ updated: z.number().int() });
