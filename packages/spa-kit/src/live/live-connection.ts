// Types only: the contracts' schemas (zod) would weigh on every app's first page.
import type { LiveMessage } from '@makrx/contracts';
import type { Fetch } from '../api-client';
import { createSseParser } from './sse-parser';

export interface LiveConnectionOptions {
  /** The service's stream, `…/api/v1/live`. */
  url: string;
  /** The bearer token the API client sends; null (signed out) opens nothing. */
  accessToken(): Promise<string | null>;
  /** After a 401: a refreshed token, or null when the session has ended. */
  refresh(): Promise<string | null>;
  onMessage(message: LiveMessage): void;
  /**
   * Whether the stream is open now: false while it is refused (a user's sixth tab, say),
   * unreachable or between attempts, so callers keep their own refreshing until it is back.
   */
  onOpenChange?(open: boolean): void;
  fetch?: Fetch;
}

export interface LiveConnection {
  /** Drops the stream and opens a new one at once (a refreshed token, say). */
  reconnect(): void;
  close(): void;
}

/** 1 s, 2 s, 4 s … up to 30 s between attempts, each a little shortened at random. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1_000 * 2 ** attempt, 30_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * The app's one stream, read with fetch so it carries the bearer token (EventSource cannot send
 * an Authorization header). It reconnects after any end or failure with a growing delay, sends
 * the last event id it saw so the service can replay or ask for a resync, and stops while
 * nobody is signed in.
 */
export function connectLive(options: LiveConnectionOptions): LiveConnection {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  let stopped = false;
  let running = false;
  let attempt = 0;
  let lastEventId = '';
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;
  /** Set by `reconnect`: the next attempt does not wait. */
  let immediate = false;
  let open = false;
  const setOpen = (now: boolean) => {
    if (now === open) return;
    open = now;
    options.onOpenChange?.(now);
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const readStream = async (body: ReadableStream<Uint8Array>) => {
    const parser = createSseParser((message) => {
      lastEventId = message.lastEventId;
      let parsed: LiveMessage;
      try {
        parsed = JSON.parse(message.data) as LiveMessage;
      } catch {
        return;
      }
      options.onMessage(parsed);
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  };

  const openOnce = async (token: string): Promise<void> => {
    current = new AbortController();
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      Authorization: `Bearer ${token}`,
    };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await send(options.url, {
      headers,
      signal: current.signal,
      cache: 'no-store',
    });
    if (response.status === 401) {
      await response.body?.cancel();
      await options.refresh();
      return;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      attempt += 1;
      return;
    }
    // A stream that came back after a drop without an id to resume from missed what happened.
    if (attempt > 0 && !lastEventId) options.onMessage({ kind: 'resync' });
    attempt = 0;
    setOpen(true);
    try {
      await readStream(response.body);
    } finally {
      setOpen(false);
    }
  };

  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (!stopped) {
        const token = await options.accessToken();
        if (!token || stopped) return;
        try {
          await openOnce(token);
        } catch {
          // Dropped, unreachable or aborted: try again below.
        }
        if (stopped) return;
        if (!immediate) {
          await wait(reconnectDelay(attempt));
          attempt += 1;
        }
        immediate = false;
      }
    } finally {
      running = false;
    }
  };

  void run();
  return {
    reconnect() {
      if (stopped) return;
      immediate = true;
      current?.abort();
      wake?.();
      void run();
    },
    close() {
      stopped = true;
      current?.abort();
      wake?.();
    },
  };
}
