import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSecret, SignJWT, UnsecuredJWT } from 'jose';
import { AppError } from '@makrx/service-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestIssuer, type TestIssuer } from './testing';
import { createTokenVerifier, type InvalidTokenReason, type TokenVerifier } from './verify-token';

let idp: TestIssuer;
let verifier: TokenVerifier;

beforeAll(async () => {
  idp = await startTestIssuer();
  verifier = createTokenVerifier({ issuer: idp.issuer, audience: 'makrcave-backend' });
});
afterAll(() => idp.close());
afterEach(() => vi.useRealTimers());

/** The AppError a promise fails with, as plain fields to compare. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { status, code, details, message } = error;
    return { status, code, details, message };
  }
  throw new Error('The token was accepted.');
}

const invalidToken = (reason: InvalidTokenReason, says: RegExp) => ({
  status: 401,
  code: 'INVALID_TOKEN',
  details: { reason },
  message: expect.stringMatching(says),
});

describe('verifying an access token against the IdP key set', () => {
  it('turns a user token into a user caller with Keycloak claims mapped', async () => {
    const token = await idp.sign({
      sub: 'user-7',
      preferred_username: 'ada',
      email: 'ada@demo.makrx.org',
      email_verified: true,
      name: 'Ada Lovelace',
      realm_access: { roles: ['store_customer', 'admin', 'admin:cave'] },
      sid: 'session-3',
      azp: 'makrcave-frontend',
    });
    expect(await verifier.verify(token)).toEqual({
      kind: 'user',
      userId: 'user-7',
      username: 'ada',
      email: 'ada@demo.makrx.org',
      emailVerified: true,
      name: 'Ada Lovelace',
      realmRoles: ['store_customer', 'admin', 'admin:cave'],
      sessionId: 'session-3',
      clientId: 'makrcave-frontend',
      tokenExpiresAt: expect.any(Number),
    });
  });

  it('reads a token without name, sid or realm roles as a user with none of them', async () => {
    const token = await idp.sign({
      sub: 'user-8',
      preferred_username: 'grace',
      email: 'grace@demo.makrx.org',
      azp: 'makrx-store-frontend',
    });
    expect(await verifier.verify(token)).toMatchObject({
      kind: 'user',
      // No `email_verified` claim: the address is not taken as verified.
      emailVerified: false,
      name: null,
      sessionId: null,
      realmRoles: [],
    });
  });

  it('turns a client-credentials token into a service caller', async () => {
    const token = await idp.serviceToken('store-backend');
    expect(await verifier.verify(token)).toEqual({ kind: 'service', clientId: 'store-backend' });
  });

  it('forgives a few seconds of clock skew on expiry', async () => {
    const token = await idp.userToken({ username: 'ada' }, { expiresIn: -2 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ kind: 'user' });
  });

  it.each<{
    failure: string;
    token: () => Promise<string>;
    reason: InvalidTokenReason;
    says: RegExp;
  }>([
    {
      failure: 'a bad signature',
      token: () => idp.userToken({ username: 'mallory' }, { forged: true }),
      reason: 'signature',
      says: /bad signature/,
    },
    {
      failure: 'another issuer',
      token: () =>
        idp.userToken({ username: 'ada' }, { issuer: 'https://elsewhere.example/realms/makrx' }),
      reason: 'issuer',
      says: /wrong issuer/,
    },
    {
      failure: 'an expired token',
      token: () => idp.userToken({ username: 'ada' }, { expiresIn: -60 }),
      reason: 'expired',
      says: /expired/,
    },
    {
      failure: 'a token for another service',
      token: () => idp.userToken({ username: 'ada' }, { audience: 'store-backend' }),
      reason: 'audience',
      says: /wrong audience/,
    },
    {
      failure: 'a string that is no JWT',
      token: async () => 'not-a-token',
      reason: 'malformed',
      says: /malformed/,
    },
    {
      failure: 'a token missing the claims a caller is made of',
      token: () => idp.sign({ sub: 'user-9' }),
      reason: 'malformed',
      says: /azp.*preferred_username/,
    },
    {
      failure: 'an ID token',
      token: () =>
        idp.sign({ typ: 'ID', sub: 'u', preferred_username: 'ada', email: 'a@x', azp: 'x' }),
      reason: 'malformed',
      says: /typ/,
    },
    {
      failure: 'an unsigned token',
      token: async () =>
        new UnsecuredJWT({ sub: 'u', preferred_username: 'ada', azp: 'x' })
          .setIssuer(idp.issuer)
          .setAudience('makrcave-backend')
          .setExpirationTime('5m')
          .encode(),
      reason: 'signature',
      says: /algorithm/,
    },
    {
      failure: 'a token signed with a shared secret',
      token: async () =>
        new SignJWT({ sub: 'u', preferred_username: 'ada', azp: 'x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(idp.issuer)
          .setAudience('makrcave-backend')
          .setExpirationTime('5m')
          .sign(await generateSecret('HS256')),
      reason: 'signature',
      says: /algorithm/,
    },
  ])('refuses $failure with 401 INVALID_TOKEN saying what is wrong', async (example) => {
    expect(await refusal(verifier.verify(await example.token()))).toEqual(
      invalidToken(example.reason, example.says),
    );
  });
});

describe('keys rotated at the IdP', () => {
  it('accepts a token signed with a newly published key without a restart', async () => {
    const rotating = createTokenVerifier({ issuer: idp.issuer, audience: 'makrcave-backend' });
    const before = await idp.userToken({ username: 'ada' });
    await rotating.verify(before);
    const fetchesBefore = idp.keySetFetches;

    await idp.rotateKey();
    // jose refetches on an unknown key id, at most once per 30 s cool-down.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    const after = await idp.userToken({ username: 'ada' });

    await expect(rotating.verify(after)).resolves.toMatchObject({ username: 'ada' });
    expect(idp.keySetFetches).toBe(fetchesBefore + 1);
    await expect(rotating.verify(before)).resolves.toMatchObject({ username: 'ada' });
  });

  it('does not let unknown key ids make it fetch the key set on every request', async () => {
    const guarded = createTokenVerifier({ issuer: idp.issuer, audience: 'makrcave-backend' });
    await guarded.verify(await idp.userToken({ username: 'ada' }));
    const fetches = idp.keySetFetches;
    await idp.rotateKey();
    const unknown = await idp.userToken({ username: 'ada' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await refusal(guarded.verify(unknown))).toEqual(
        invalidToken('signature', /not publish/),
      );
    }
    expect(idp.keySetFetches).toBe(fetches);
  });
});

describe('an unreachable key set', () => {
  it('answers 503, not a verdict on the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const stranded = createTokenVerifier({
      issuer: idp.issuer,
      audience: 'makrcave-backend',
      jwksUrl: `http://127.0.0.1:${port}/certs`,
    });
    expect(await refusal(stranded.verify(await idp.userToken({ username: 'ada' })))).toEqual({
      status: 503,
      code: 'IDENTITY_PROVIDER_UNAVAILABLE',
      details: undefined,
      message: expect.stringMatching(/cannot be checked/),
    });
  });
});
