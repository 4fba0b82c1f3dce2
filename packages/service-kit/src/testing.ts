import type { Socket } from 'node:net';
import type { LiveMessage } from '@makrx/contracts';
import type { Driver } from '@makrx/db';
import { createTestDatabase } from '@makrx/db/testing';
import type { Mailer } from '@makrx/mailer';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Environment } from './config';
import { createService, type ServiceDefinition } from './create-service';
import type { PeerSettings } from './peers';

export { testDrivers } from '@makrx/db/testing';

export interface TestService {
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** The issuer whose tokens the service accepts; a closed port unless a test starts one. */
  issuer?: string;
  peers?: PeerSettings;
  /** The service's environment, parsed with its own schema as at start (defaults for the rest). */
  env?: Environment;
  mailer?: Mailer;
}

/**
 * A service started in-process over a fresh database, answering through `app.inject`. Its
 * config comes from `env` alone, never from the test process's environment.
 */
export async function startTestService(
  definition: ServiceDefinition,
  driver: Driver,
  { issuer = 'http://127.0.0.1:9/realms/makrx', peers, env = {}, mailer }: TestServiceOptions = {},
): Promise<TestService> {
  const config = loadConfig(definition.env, { NODE_ENV: 'test', OIDC_ISSUER: issuer, ...env });
  const database = await createTestDatabase(driver);
  await definition.seedConfiguration?.(database.db);
  await definition.seedDemoData?.(database.db, config);
  const app = await createService(definition, {
    database,
    config,
    logger: false,
    // A flag changed by a test is seen by the next request, without waiting for the cache.
    flagCacheMs: 0,
    ...(peers ? { peers } : {}),
    ...(mailer ? { mailer } : {}),
    // Tests deliver events with `app.events.deliverDue()` and run jobs with `app.jobs.run()`.
    events: { background: false },
    jobs: { background: false },
  });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Starts a test service's HTTP server on a free port, for what `inject` cannot do (a stream
 * read as it arrives). Call `dropConnections` before closing the service: fetch's pool opens
 * connections that may never carry a request, which a closing Node server would wait for.
 */
export async function listenForTest(
  app: FastifyInstance,
): Promise<{ baseUrl: string; dropConnections(): void }> {
  const sockets = new Set<Socket>();
  let dropping = false;
  app.server.on('connection', (socket: Socket) => {
    if (dropping) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl,
    dropConnections: () => {
      dropping = true;
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** A live stream read by a test: its messages one at a time, as a page's would arrive. */
export interface TestLiveStream {
  status: number;
  /** The next message; rejects when the stream ends first. */
  next(): Promise<LiveMessage>;
  /** Resolves when the service ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `GET /api/v1/live` of a listening service with a bearer token (none for a guest). The
 * frames are read plainly (`data:` lines, blank line between messages): the apps' own parser
 * lives in the browser kit.
 */
export async function openTestLiveStream(
  baseUrl: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<TestLiveStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/live`, {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: abort.signal,
  });
  const queued: LiveMessage[] = [];
  const waiting: Array<{ resolve(m: LiveMessage): void; reject(e: Error): void }> = [];
  let done = false;
  const ended = (async () => {
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return;
    }
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        buffered += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length));
          if (data.length === 0) continue;
          const message = JSON.parse(data.join('\n')) as LiveMessage;
          const waiter = waiting.shift();
          if (waiter) waiter.resolve(message);
          else queued.push(message);
        }
      }
    } catch {
      // Closed by the test.
    }
  })().finally(() => {
    done = true;
    for (const waiter of waiting.splice(0)) waiter.reject(new Error('the stream ended'));
  });
  return {
    status: response.status,
    next: () => {
      const message = queued.shift();
      if (message) return Promise.resolve(message);
      if (done) return Promise.reject(new Error('the stream ended'));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    ended,
    close: () => abort.abort(),
  };
}
