'use client';

import { useCallback, useEffect, useState } from 'react';
import { cx } from './class-names';
import type { BellNotification, NotificationsApi } from './notifications-api';
import { timeAgo } from './time-ago';

type State =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: BellNotification[] };

export interface NotificationPanelProps {
  api: NotificationsApi;
  seeAllHref: string;
  /** Something was marked read: the bell asks for its count again. */
  onChange: () => void;
}

/** The bell's dropdown: the newest notifications, mark read, and the way to all of them. */
export function NotificationPanel({ api, seeAllHref, onChange }: NotificationPanelProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(() => {
    api.latest().then(
      (items) => setState({ status: 'ready', items }),
      () => setState({ status: 'error' }),
    );
  }, [api]);
  useEffect(load, [load]);

  const markRead = async (item: BellNotification) => {
    if (item.readAt) return;
    await api.markRead(item.id).catch(() => undefined);
    onChange();
    load();
  };
  const markAllRead = async () => {
    await api.markAllRead().catch(() => undefined);
    onChange();
    load();
  };
  const now = new Date();
  const hasUnread = state.status === 'ready' && state.items.some((item) => !item.readAt);

  return (
    <div>
      <div className="flex items-center justify-between gap-3 border-b border-ink-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-ink-950">Notifications</h2>
        {hasUnread ? (
          <button
            type="button"
            onClick={() => void markAllRead()}
            className="rounded-md px-2 py-1 text-xs font-semibold text-accent-700 hover:bg-accent-50"
          >
            Mark all read
          </button>
        ) : null}
      </div>
      {state.status === 'loading' ? (
        <p role="status" className="px-4 py-6 text-sm text-ink-600">
          Loading notifications…
        </p>
      ) : state.status === 'error' ? (
        <p role="alert" className="px-4 py-6 text-sm text-ink-700">
          Your notifications could not be loaded. Try again in a moment.
        </p>
      ) : state.items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-ink-600">You’re all caught up.</p>
      ) : (
        <ul className="max-h-96 divide-y divide-ink-100 overflow-y-auto">
          {state.items.map((item) => (
            <li key={item.id}>
              <NotificationRow item={item} now={now} onOpen={() => void markRead(item)} />
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-ink-100 p-2">
        <a
          href={seeAllHref}
          className="flex h-10 items-center justify-center rounded-lg text-sm font-semibold text-accent-700 hover:bg-accent-50"
        >
          See all notifications
        </a>
      </div>
    </div>
  );
}

function NotificationRow({
  item,
  now,
  onOpen,
}: {
  item: BellNotification;
  now: Date;
  onOpen: () => void;
}) {
  const unread = !item.readAt;
  const content = (
    <>
      <span
        aria-hidden="true"
        className={cx(
          'mt-1.5 size-2 shrink-0 rounded-full',
          unread ? 'bg-accent-600' : 'bg-transparent',
        )}
      />
      <span className="min-w-0 flex-1">
        <span className={cx('block text-sm text-ink-950', unread && 'font-semibold')}>
          {item.title}
          {unread ? <span className="sr-only"> (unread)</span> : null}
        </span>
        {item.body ? (
          <span className="mt-0.5 line-clamp-2 block text-sm text-ink-600">{item.body}</span>
        ) : null}
        <time dateTime={item.createdAt} className="mt-1 block text-xs text-ink-500">
          {timeAgo(new Date(item.createdAt), now)}
        </time>
      </span>
    </>
  );
  const classes = 'flex w-full gap-3 px-4 py-3 text-left hover:bg-ink-50';
  return item.link ? (
    <a href={item.link} onClick={onOpen} className={classes}>
      {content}
    </a>
  ) : (
    <button type="button" onClick={onOpen} className={classes}>
      {content}
    </button>
  );
}
