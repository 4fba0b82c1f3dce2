import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  decideAccess,
  matrixRolesOf,
  rolesIn,
  signedInUser,
  type MembershipSource,
  type UserCaller,
} from '@makrx/auth';
import {
  AppError,
  errorBody,
  LIVE_RESYNC,
  liveEvent,
  type LiveChannel,
  type LiveEvent,
  type LiveMessage,
  type MakerspaceMembership,
} from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The flag the machine and booking events stand behind, per makerspace. */
export const LIVE_STATUS_FLAG = 'ENABLE_REAL_TIME_EQUIPMENT_STATUS';
/** A comment this often keeps proxies from closing a quiet stream. */
export const LIVE_HEARTBEAT_MS = 25_000;
/** Streams one user may hold on one instance: a tab each, and browsers open few per host. */
export const LIVE_STREAMS_PER_USER = 5;
/** Events an instance remembers for streams that reconnect with Last-Event-ID. */
const REPLAYABLE = 256;

/** What a service's stream carries: the NOTIFY channels it listens on. */
export interface LiveStreamSettings {
  channels: readonly LiveChannel[];
}

interface Stream {
  user: UserCaller;
  send(id: string, message: LiveMessage): void;
  close(): void;
}

/**
 * Whether a user's stream carries an event. Notifications go to their user alone. A machine
 * or booking event goes to whoever may read that makerspace's equipment — the access matrix's
 * cell with the user's roles in that makerspace, as the guard judges the equipment routes —
 * and only while the live status flag is on for them there.
 */
async function mayReceive(
  app: FastifyInstance,
  user: UserCaller,
  event: LiveEvent,
  memberships: () => Promise<MakerspaceMembership[]>,
): Promise<boolean> {
  if (event.kind === 'notification.created') return event.userId === user.userId;
  const held = rolesIn(await memberships(), { id: event.makerspaceId });
  if (decideAccess('equipmentManagement', 'read', matrixRolesOf(user, 'cave', held)) !== 'allow')
    return false;
  return app.flags.isOn(LIVE_STATUS_FLAG, {
    userId: user.userId,
    roles: user.realmRoles,
    makerspaceId: event.makerspaceId,
  });
}

/**
 * The streams open on one instance, and the events it heard lately. Events are numbered per
 * instance (`<instance>.<n>`), so a stream that comes back with a Last-Event-ID this instance
 * issued is sent what it missed; any other (another instance's, or one too old) is told to
 * resync, which makes its page refetch.
 */
class LiveHub {
  private readonly instance = randomUUID().slice(0, 8);
  private sequence = 0;
  private readonly recent: Array<{ sequence: number; event: LiveEvent }> = [];
  private readonly streams = new Set<Stream>();
  /** Deliveries run one after another, so every stream sees events in the order heard. */
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: FastifyInstance,
    private readonly membershipsOf: MembershipSource,
  ) {}

  streamsOf(userId: string): number {
    let count = 0;
    for (const stream of this.streams) if (stream.user.userId === userId) count += 1;
    return count;
  }

  add(stream: Stream, lastEventId: string | undefined): void {
    this.streams.add(stream);
    if (lastEventId === undefined) return;
    const [instance, sequence] = lastEventId.split('.');
    const after = Number(sequence);
    const oldest = this.recent[0]?.sequence ?? this.sequence + 1;
    const known = instance === this.instance && after <= this.sequence && after >= oldest - 1;
    if (!known) {
      stream.send(this.idOf(this.sequence), { kind: LIVE_RESYNC });
      return;
    }
    const missed = this.recent.filter((entry) => entry.sequence > after);
    this.enqueue(() => this.deliverTo([stream], missed));
  }

  remove(stream: Stream): void {
    this.streams.delete(stream);
  }

  /** A NOTIFY payload; none means the subscription was lost and changes may have been missed. */
  heard(payload: string | undefined): void {
    if (payload === undefined) {
      for (const stream of this.streams)
        stream.send(this.idOf(this.sequence), { kind: LIVE_RESYNC });
      return;
    }
    let parsed: ReturnType<typeof liveEvent.safeParse>;
    try {
      parsed = liveEvent.safeParse(JSON.parse(payload));
    } catch {
      parsed = liveEvent.safeParse(undefined);
    }
    if (!parsed.success) {
      this.app.log.warn({ payload }, 'live event that does not parse, not sent');
      return;
    }
    this.sequence += 1;
    const entry = { sequence: this.sequence, event: parsed.data };
    this.recent.push(entry);
    if (this.recent.length > REPLAYABLE) this.recent.shift();
    this.enqueue(() => this.deliverTo([...this.streams], [entry]));
  }

  closeAll(): void {
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  private idOf(sequence: number): string {
    return `${this.instance}.${sequence}`;
  }

  private enqueue(work: () => Promise<void>): void {
    this.delivering = this.delivering
      .then(work)
      .catch((err: unknown) => this.app.log.error({ err }, 'live event delivery failed'));
  }

  /** One membership read per user per delivery, whatever number of tabs they have open. */
  private async deliverTo(
    streams: Stream[],
    entries: Array<{ sequence: number; event: LiveEvent }>,
  ): Promise<void> {
    for (const { sequence, event } of entries) {
      const memberships = new Map<string, Promise<MakerspaceMembership[]>>();
      const membershipsOf = (userId: string) => () => {
        let held = memberships.get(userId);
        if (!held) memberships.set(userId, (held = this.membershipsOf(userId)));
        return held;
      };
      for (const stream of streams) {
        if (!this.streams.has(stream)) continue;
        if (await mayReceive(this.app, stream.user, event, membershipsOf(stream.user.userId)))
          stream.send(this.idOf(sequence), event);
      }
    }
  }
}

/** Writes the stream's frames onto the response; the connection stays open until closed. */
function openStream(raw: ServerResponse, user: UserCaller, onClose: () => void): Stream {
  let closed = false;
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), LIVE_HEARTBEAT_MS);
  // The stream ends with its token; the app comes back with a fresh one.
  const expiry = setTimeout(() => stream.close(), Math.max(user.tokenExpiresAt - Date.now(), 0));
  heartbeat.unref();
  expiry.unref();
  const stream: Stream = {
    user,
    send(id, message) {
      if (!closed) raw.write(`id: ${id}\ndata: ${JSON.stringify(message)}\n\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      onClose();
      raw.end();
    },
  };
  raw.on('close', () => stream.close());
  // A client that went away may only have half-closed its side: the stream ends with it.
  raw.socket?.on('end', () => stream.close());
  return stream;
}

/**
 * `GET /live`: the service's server-sent events for the signed-in user's pages (decision 0017).
 * Every signed-in role may open it (the bell follows everyone); what each stream carries is
 * decided per event by `mayReceive`. The guard runs first as on any route, so a guest is
 * answered 401 before the stream opens.
 */
export function liveStreamRoutes(
  settings: LiveStreamSettings,
  membershipsOf: MembershipSource,
): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = new LiveHub(app, membershipsOf);
    const subscriptions: Array<{ close(): Promise<void> }> = [];
    app.addHook('onReady', async () => {
      for (const channel of settings.channels) {
        subscriptions.push(
          await app.database.listen(
            channel,
            (payload) => hub.heard(payload),
            () => undefined,
          ),
        );
      }
    });
    // Before the server stops taking connections: open streams would keep it from closing.
    app.addHook('preClose', async () => {
      hub.closeAll();
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
    });

    app.get(
      '/live',
      {
        config: { access: { feature: 'crossDomainSso', mode: 'read' } },
        schema: {
          tags: ['live'],
          summary:
            'Server-sent events for the signed-in user: machine status, bookings, notifications',
          description:
            'text/event-stream. Each message is `id: <instance>.<n>` and `data: <LiveEvent JSON>`; a `{"kind":"resync"}` message asks the page to refetch. Send Last-Event-ID when reconnecting.',
          security: [{ bearer: [] }],
          response: { 401: errorBody, 403: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        if (hub.streamsOf(user.userId) >= LIVE_STREAMS_PER_USER) {
          throw new AppError(
            429,
            'LIVE_STREAMS_EXHAUSTED',
            `At most ${LIVE_STREAMS_PER_USER} live streams per user; close another tab.`,
          );
        }
        reply.hijack();
        // The headers the hooks set (CORS, the request id) are written here: a hijacked reply
        // sends none by itself.
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) reply.raw.setHeader(name, value);
        }
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
        });
        // Opens the stream at once, so the client knows it is connected.
        reply.raw.write(': connected\n\n');
        const lastEventId = request.headers['last-event-id'];
        const stream = openStream(reply.raw, user, () => hub.remove(stream));
        hub.add(stream, typeof lastEventId === 'string' ? lastEventId : undefined);
      },
    );
  };
}
