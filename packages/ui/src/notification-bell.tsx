'use client';

import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { cx } from './class-names';
import { BellIcon } from './icons';
import type { NotificationsApi } from './notifications-api';

// The dropdown's code arrives when it is first opened: the first page's budget stays small.
const NotificationPanel = lazy(() =>
  import('./notification-panel').then((module) => ({ default: module.NotificationPanel })),
);

/** How often the unread count is asked while the page is open, when nothing tells of changes. */
export const UNREAD_POLL_MS = 10_000;

/**
 * The unread count, asked now, on focus, and whenever the app's live stream says it changed;
 * an app without one (`onChange`) has it asked every `UNREAD_POLL_MS` while the tab is visible.
 */
function useUnreadCount(api: NotificationsApi) {
  const [count, setCount] = useState<number | undefined>(undefined);
  const refresh = useCallback(() => {
    api.unreadCount().then(setCount, () => undefined);
  }, [api]);
  useEffect(() => {
    refresh();
    const stopListening = api.onChange?.(refresh);
    const timer = stopListening
      ? undefined
      : setInterval(() => {
          if (document.visibilityState === 'visible') refresh();
        }, UNREAD_POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      stopListening?.();
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [api, refresh]);
  return { count, refresh };
}

export interface NotificationBellProps {
  api: NotificationsApi;
  /** The full list: the gateway's notifications page. */
  seeAllHref: string;
}

/** For the header's `actions`: a bell with the unread count and a dropdown of the newest few. */
export function NotificationBell({ api, seeAllHref }: NotificationBellProps) {
  const { count, refresh } = useUnreadCount(api);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('pointerdown', closeOnOutsideClick);
    };
  }, [open]);

  const unread = count ?? 0;
  const label =
    count === undefined
      ? 'Notifications'
      : `Notifications, ${unread === 0 ? 'none' : unread} unread`;

  return (
    <div ref={container} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((isOpen) => !isOpen)}
        className="relative grid size-10 place-items-center rounded-full text-xl text-ink-700 ring-1 ring-ink-200 transition-colors ring-inset hover:bg-ink-50 hover:text-ink-950 aria-expanded:bg-ink-100"
      >
        <BellIcon />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="unread-count"
            className="absolute -top-1 -right-1 grid h-5 min-w-5 place-items-center rounded-full bg-red-600 px-1 text-[11px] leading-none font-bold text-white ring-2 ring-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cx(
          'absolute right-0 z-50 mt-2 w-[22rem] max-w-[calc(100vw-2rem)] rounded-xl bg-white shadow-lift ring-1 ring-ink-200',
          'max-md:fixed max-md:inset-x-4 max-md:top-28 max-md:w-auto',
        )}
      >
        {open ? (
          <Suspense
            fallback={
              <p role="status" className="p-4 text-sm text-ink-600">
                Loading notifications…
              </p>
            }
          >
            <NotificationPanel api={api} seeAllHref={seeAllHref} onChange={refresh} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
