import { afterEach, describe, expect, it, vi } from 'vitest';
import { seal, unseal } from './sealed-value';

const secret = 'a-test-secret-that-is-long-enough-for-the-store';
const options = { secret, purpose: 'store-session', expiresInSeconds: 60 };
const session = { accessToken: 'a', refreshToken: 'r', user: { name: 'Milo Member' } };

afterEach(() => void vi.useRealTimers());

describe('sealed cookie values', () => {
  it('open again to exactly what was sealed, and cannot be read without the key', async () => {
    const sealed = await seal(session, options);
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed).not.toContain('Milo');
    expect(await unseal(sealed, options)).toEqual(session);
  });

  it('do not open when tampered with, or under another secret', async () => {
    const sealed = await seal(session, options);
    const parts = sealed.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    expect(await unseal(parts.join('.'), options)).toBeNull();
    expect(await unseal(sealed, { ...options, secret: `${secret}-rotated` })).toBeNull();
    expect(await unseal('not-a-jwe', options)).toBeNull();
    expect(await unseal(undefined, options)).toBeNull();
  });

  it('do not open for another purpose, so a pending sign-in is never taken for a session', async () => {
    const pending = await seal({ codeVerifier: 'v' }, { ...options, purpose: 'store-sign-in' });
    expect(await unseal(pending, options)).toBeNull();
  });

  it('stop opening once they expire', async () => {
    const sealed = await seal(session, options);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    expect(await unseal(sealed, options)).toBeNull();
  });
});
