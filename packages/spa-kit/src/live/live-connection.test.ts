import type { LiveMessage } from '@makrx/contracts';
import { describe, expect, it } from 'vitest';
import { connectLive, reconnectDelay } from './live-connection';

/** A service's stream as the network delivers it: frames pushed by the test, then held open. */
function fakeService() {
  const requests: Array<{ headers: Headers; signal: AbortSignal }> = [];
  const streams: Array<ReadableStreamDefaultController<Uint8Array>> = [];
  let arrived: () => void = () => undefined;
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ headers: new Headers(init?.headers), signal: init!.signal! });
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        streams.push(controller);
        init!.signal!.addEventListener('abort', () => controller.error(new Error('aborted')));
      },
    });
    arrived();
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return {
    fetch,
    requests,
    send: (frame: string) => streams.at(-1)!.enqueue(new TextEncoder().encode(frame)),
    nextRequest: () => new Promise<void>((resolve) => (arrived = resolve)),
  };
}

describe('the app’s live connection', () => {
  it('sends the bearer token, hands over each event, and reopens with the new token and the last id', async () => {
    const service = fakeService();
    const messages: LiveMessage[] = [];
    let token = 'first-token';
    let delivered: () => void = () => undefined;
    const opened = service.nextRequest();
    const connection = connectLive({
      url: 'http://cave.test/api/v1/live',
      accessToken: async () => token,
      refresh: async () => null,
      onMessage: (message) => {
        messages.push(message);
        delivered();
      },
      fetch: service.fetch,
    });
    await opened;
    expect(service.requests[0]!.headers.get('authorization')).toBe('Bearer first-token');
    expect(service.requests[0]!.headers.has('last-event-id')).toBe(false);

    const heard = new Promise<void>((resolve) => (delivered = resolve));
    service.send(': connected\n\nid: abc.4\ndata: {"kind":"resync"}\n\n');
    await heard;
    expect(messages).toEqual([{ kind: 'resync' }]);

    // The session refreshed its token: the stream is reopened at once with it.
    token = 'second-token';
    const reopened = service.nextRequest();
    connection.reconnect();
    await reopened;
    expect(service.requests[0]!.signal.aborted).toBe(true);
    expect(service.requests[1]!.headers.get('authorization')).toBe('Bearer second-token');
    expect(service.requests[1]!.headers.get('last-event-id')).toBe('abc.4');
    connection.close();
    expect(service.requests[1]!.signal.aborted).toBe(true);
  });

  it('tells when the stream is open, and never while the service refuses it', async () => {
    const service = fakeService();
    const states: boolean[] = [];
    let changed: () => void = () => undefined;
    const connection = connectLive({
      url: 'http://cave.test/api/v1/live',
      accessToken: async () => 'token',
      refresh: async () => null,
      onMessage: () => undefined,
      onOpenChange: (open) => {
        states.push(open);
        changed();
      },
      fetch: service.fetch,
    });
    let next = new Promise<void>((resolve) => (changed = resolve));
    await next;
    expect(states).toEqual([true]);
    next = new Promise<void>((resolve) => (changed = resolve));
    connection.close();
    await next;
    expect(states).toEqual([true, false]);

    // Another tab too many: the service answers 429, and the connection never claims to be open.
    const refusals: boolean[] = [];
    let asked: () => void = () => undefined;
    const refused = connectLive({
      url: 'http://cave.test/api/v1/live',
      accessToken: async () => 'token',
      refresh: async () => null,
      onMessage: () => undefined,
      onOpenChange: (open) => refusals.push(open),
      fetch: async () => {
        asked();
        return new Response('{"code":"LIVE_STREAMS_EXHAUSTED"}', { status: 429 });
      },
    });
    await new Promise<void>((resolve) => (asked = resolve));
    refused.close();
    expect(refusals).toEqual([]);
  });

  it('waits longer after each failure, up to 30 seconds', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelay(attempt, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(500);
  });
});
