import type { LiveEventKind, LiveMessage } from '@makrx/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import {
  createContext,
  use,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useBrowserSession } from '../session/session-context';
import { connectLive } from './live-connection';

/**
 * Which queries each kind of live event makes stale, by key prefix: the one map an app gives,
 * so every screen whose query key starts with a listed prefix follows the stream without code
 * of its own. A resync makes all of them stale.
 */
export type LiveInvalidations = Partial<Record<LiveEventKind, readonly QueryKey[]>>;

type Listener = (message: LiveMessage) => void;

/** The app's one stream, shared by every subscriber, and whether it is open right now. */
class LiveListeners {
  private readonly listeners = new Set<Listener>();
  private readonly openListeners = new Set<() => void>();
  private open = false;
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  emit(message: LiveMessage): void {
    for (const listener of this.listeners) listener(message);
  }
  subscribeOpen = (listener: () => void): (() => void) => {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  };
  isOpen = (): boolean => this.open;
  setOpen(open: boolean): void {
    this.open = open;
    for (const listener of this.openListeners) listener();
  }
}

const neverOpen = () => () => undefined;
const closed = () => false;

const LiveContext = createContext<LiveListeners | null>(null);

const keysFor = (message: LiveMessage, invalidations: LiveInvalidations): QueryKey[] =>
  message.kind === 'resync'
    ? Object.values(invalidations).flatMap((keys) => [...(keys ?? [])])
    : [...(invalidations[message.kind] ?? [])];

/**
 * Opens the app's stream while someone is signed in (decision 0017): one connection per tab,
 * reopened with the new token whenever the session changes, and turns each event into the
 * query invalidations the app listed.
 */
export function LiveEventsProvider({
  url,
  invalidations,
  children,
}: {
  /** The service's stream, `…/api/v1/live`. */
  url: string;
  invalidations: LiveInvalidations;
  children: ReactNode;
}) {
  const session = useBrowserSession();
  const queryClient = useQueryClient();
  const [listeners] = useState(() => new LiveListeners());

  useEffect(() => {
    const connection = connectLive({
      url,
      accessToken: session.accessToken,
      refresh: async () => (await session.refresh())?.accessToken ?? null,
      onMessage: (message) => listeners.emit(message),
      onOpenChange: (open) => listeners.setOpen(open),
    });
    // Sign-in, refresh and sign-out all change the session: the stream follows the token.
    const unsubscribe = session.subscribe(() => connection.reconnect());
    return () => {
      unsubscribe();
      connection.close();
    };
  }, [url, session, listeners]);

  useEffect(
    () =>
      listeners.subscribe((message) => {
        for (const queryKey of keysFor(message, invalidations))
          void queryClient.invalidateQueries({ queryKey });
      }),
    [listeners, invalidations, queryClient],
  );

  return <LiveContext value={listeners}>{children}</LiveContext>;
}

/**
 * Calls `listener` with every message of the app's stream; `live` says whether that stream is
 * open now (while it is not — an app without one, a stream refused or reconnecting — a caller
 * keeps its own refreshing). The listener may change between renders; the subscription stays.
 */
export function useLiveEvents(listener: Listener): { live: boolean } {
  const listeners = use(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => listeners?.subscribe((message) => latest.current(message)), [listeners]);
  const live = useSyncExternalStore(
    listeners?.subscribeOpen ?? neverOpen,
    listeners?.isOpen ?? closed,
    closed,
  );
  return { live };
}
