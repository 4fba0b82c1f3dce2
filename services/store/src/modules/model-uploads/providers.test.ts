import { AppError, type ProvidersAvailable } from '@makrx/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { cachedProviders } from './providers';
import { providersFixture } from './testing';

/** A logger that keeps what it was told, so a test can read it. */
function keptLog() {
  const errors: unknown[] = [];
  const log = { error: (entry: unknown) => errors.push(entry) } as unknown as FastifyBaseLogger;
  return { log, errors };
}

describe('the providers quotes are made on', () => {
  it('reuses one answer of the cave until it is 30 s old, then asks again', async () => {
    let clock = 1_000_000;
    let calls = 0;
    const source = async (): Promise<ProvidersAvailable> => {
      calls += 1;
      return providersFixture();
    };
    const providers = cachedProviders(source, 30_000, keptLog().log, () => clock);
    const first = await providers();
    expect(first.providers.map((p) => p.name)).toEqual(['Austin Makerspace', 'Round Rock Fab']);
    clock += 29_999;
    expect(await providers()).toBe(first);
    expect(calls).toBe(1);
    clock += 1;
    await providers();
    expect(calls).toBe(2);
  });

  it('asks the cave once for requests that arrive together', async () => {
    let calls = 0;
    let answer: (value: ProvidersAvailable) => void = () => undefined;
    const source = () => {
      calls += 1;
      return new Promise<ProvidersAvailable>((resolve) => (answer = resolve));
    };
    const providers = cachedProviders(source, 30_000, keptLog().log);
    const both = Promise.all([providers(), providers()]);
    answer({ providers: [] });
    expect(await both).toEqual([{ providers: [] }, { providers: [] }]);
    expect(calls).toBe(1);
  });

  it('turns any failure into 503 PROVIDERS_UNREACHABLE, logs why, and keeps none of it', async () => {
    let down = true;
    const source = async () => {
      if (down) throw new TypeError('fetch failed');
      return providersFixture();
    };
    const { log, errors } = keptLog();
    const providers = cachedProviders(source, 30_000, log);
    const refused = await providers().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: 'PROVIDERS_UNREACHABLE' });
    expect(errors).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ message: 'fetch failed' }) }),
    ]);
    down = false;
    expect((await providers()).providers).toHaveLength(2);
  });
});
