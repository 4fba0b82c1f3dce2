import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, getJson, requestJson } from './api-client';

afterEach(() => vi.unstubAllGlobals());

describe('apiUrl', () => {
  it('joins the path to the base and leaves out empty parameters', () => {
    expect(apiUrl('http://localhost:8002', 'api/v1/makerspaces', { page: 2, city: '' })).toBe(
      'http://localhost:8002/api/v1/makerspaces?page=2',
    );
  });
});

describe('getJson', () => {
  it('turns an error body into an ApiError with its code and message', async () => {
    const body = { error: { code: 'NOT_FOUND', message: 'No such maker.' } };
    vi.stubGlobal('fetch', async () => Response.json(body, { status: 404 }));
    const error = await getJson('http://api', 'makers/ada').catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No such maker.' });
    expect(error).toMatchObject({ isNotFound: true });
  });

  it('reports a service that cannot be reached as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const error = await getJson('http://api', 'makers').catch((caught) => caught);
    expect(error).toMatchObject({ status: 0, code: 'SERVICE_UNREACHABLE', isUnreachable: true });
  });
});

describe('requestJson', () => {
  it('sends the method through the given fetch and returns the JSON answer', async () => {
    const sent: { url: string; method?: string }[] = [];
    const send = async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), method: init?.method });
      return Response.json({ id: 'u1' });
    };
    const answer = await requestJson(send, 'http://api', 'users/u1/lock', { method: 'POST' });
    expect(answer).toEqual({ id: 'u1' });
    expect(sent).toEqual([{ url: 'http://api/users/u1/lock', method: 'POST' }]);
  });

  it('sends a body as JSON', async () => {
    let sent: RequestInit | undefined;
    const send = async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent = init;
      return Response.json({ key: 'SHOW_MAKER_SPOTLIGHT' });
    };
    await requestJson(send, 'http://api', 'flags/SHOW_MAKER_SPOTLIGHT', {
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(sent?.method).toBe('PATCH');
    expect(sent?.body).toBe('{"enabled":false}');
    expect(sent?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('keeps the message of a refused change, for the page to show', async () => {
    const body = {
      error: { code: 'CANNOT_LOCK_SELF', message: 'You cannot lock your own account.' },
    };
    const send = async () => Response.json(body, { status: 409 });
    const error = await requestJson(send, 'http://api', 'users/u1/lock', { method: 'POST' }).catch(
      (caught) => caught,
    );
    expect(error).toMatchObject({
      status: 409,
      code: 'CANNOT_LOCK_SELF',
      message: 'You cannot lock your own account.',
    });
  });

  it('answers null for a deletion that has nothing to say (204)', async () => {
    const send = async () => new Response(null, { status: 204 });
    await expect(
      requestJson(send, 'http://api', 'makerspaces/hub/windows/w1', { method: 'DELETE' }),
    ).resolves.toBeNull();
  });
});
