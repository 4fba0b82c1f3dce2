import {
  notificationKindInfo,
  notificationKinds,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreference,
  type NotificationQuery,
  type NotificationSource,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { renderEmail, type Mailer } from '@makrx/mailer';
import { notFound, publishLive } from '@makrx/service-kit';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notificationPreferences, notifications } from './tables';

type Row = typeof notifications.$inferSelect;

const toNotification = (row: Row): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  source: row.source as NotificationSource,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

const defaultsOf = (kind: NotificationKind): NotificationPreference => ({
  kind,
  inApp: true,
  email: notificationKindInfo[kind].emailByDefault,
});

/** Every kind with the user's choice, or its default where they made none. */
export async function preferencesOf(
  db: Database,
  userId: string,
): Promise<NotificationPreference[]> {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row]));
  return notificationKinds.map((kind) => {
    const row = chosen.get(kind);
    return row ? { kind, inApp: row.inApp, email: row.email } : defaultsOf(kind);
  });
}

export async function savePreferences(
  db: Database,
  userId: string,
  items: NotificationPreference[],
): Promise<NotificationPreference[]> {
  await db
    .insert(notificationPreferences)
    .values(items.map((item) => ({ userId, ...item })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: {
        inApp: sql`excluded.in_app`,
        email: sql`excluded.email`,
        updatedAt: sql`now()`,
      },
    });
  return preferencesOf(db, userId);
}

export interface NewNotification {
  source: NotificationSource;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  idempotencyKey: string;
}

export interface NotificationLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * Raises a notification, once per (source, key): a repeat answers the first one and sends
 * nothing. It is shown in the apps unless the user turned its kind off there, and mailed when
 * they want its kind by email (important kinds do by default). A mail that fails is logged;
 * the notification stands.
 */
export async function raiseNotification(
  db: Database,
  mailer: Mailer | undefined,
  log: NotificationLog,
  input: NewNotification,
): Promise<{ id: string; created: boolean }> {
  const [recipient] = await db
    .select({ email: users.email, name: users.displayName })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!recipient) throw notFound('That user');
  const preference =
    (await preferencesOf(db, input.userId)).find((p) => p.kind === input.kind) ??
    defaultsOf(input.kind);

  // Stored and announced to the user's open pages in one transaction: a bell never hears of a
  // notification that did not commit. Shown only where the user wants it, so announced only then.
  const inserted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notifications)
      .values({ ...input, inApp: preference.inApp })
      .onConflictDoNothing({ target: [notifications.source, notifications.idempotencyKey] })
      .returning({ id: notifications.id });
    if (row && preference.inApp) {
      await publishLive(tx, {
        kind: 'notification.created',
        userId: input.userId,
        notificationId: row.id,
      });
    }
    return row;
  });
  if (!inserted) {
    const [existing] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.source, input.source),
          eq(notifications.idempotencyKey, input.idempotencyKey),
        ),
      );
    return { id: existing!.id, created: false };
  }

  if (preference.email && mailer) {
    try {
      const { html, text } = renderEmail({
        heading: input.title,
        paragraphs: input.body ? [input.body] : [],
        action: input.link ? { label: 'Open MakrX', url: input.link } : undefined,
        footer: `You get these emails for “${notificationKindInfo[input.kind].label}”. Change that under Notifications in your MakrX.org account.`,
      });
      await mailer.send({
        to: recipient.email,
        subject: input.title,
        text,
        html,
        kind: `notification:${input.kind}`,
      });
      await db
        .update(notifications)
        .set({ emailedAt: sql`now()` })
        .where(eq(notifications.id, inserted.id));
    } catch (err) {
      log.warn({ err, notificationId: inserted.id }, 'notification email not sent');
    }
  }
  return { id: inserted.id, created: true };
}

/**
 * Which services' notifications an app shows (ENABLE_CROSS_DOMAIN_NOTIFICATIONS). With the flag
 * on, every app shows all of them. Off, MakrCave and MakrX.Store show their own and the
 * account's (raised by MakrX.org), never each other's; MakrX.org, where the full list lives,
 * still shows all.
 */
export function visibleSources(
  app: NotificationSource,
  crossDomain: boolean,
): NotificationSource[] {
  if (crossDomain || app === 'auth') return ['auth', 'cave', 'store'];
  return ['auth', app];
}

const visibleTo = (userId: string, sources: NotificationSource[]) =>
  and(
    eq(notifications.userId, userId),
    eq(notifications.inApp, true),
    inArray(notifications.source, sources),
  );

export async function listNotifications(
  db: Database,
  userId: string,
  sources: NotificationSource[],
  query: NotificationQuery,
): Promise<NotificationPage> {
  const where = and(
    visibleTo(userId, sources),
    query.unread ? isNull(notifications.readAt) : undefined,
  );
  const rows = await db
    .select({ row: notifications, total: sql<number>`cast(count(*) over () as integer)` })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map((r) => toNotification(r.row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function unreadCountOf(
  db: Database,
  userId: string,
  sources: NotificationSource[],
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(notifications)
    .where(and(visibleTo(userId, sources), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Marks one of the user's own notifications read; someone else's is not found. */
export async function markRead(db: Database, userId: string, id: string): Promise<Notification> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) throw notFound('That notification');
  return toNotification(row);
}

/** Marks every notification the app shows the user as read; hidden ones stay unread. */
export async function markAllRead(
  db: Database,
  userId: string,
  sources: NotificationSource[],
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(visibleTo(userId, sources), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
export { notificationsExportOf, eraseNotifications } from './privacy';
