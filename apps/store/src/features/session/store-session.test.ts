import { describe, expect, it } from 'vitest';
import { isDueForCheck, sessionFromTokens, type StoreSession } from './store-session';

const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

const previous: StoreSession = {
  accessToken: 'old-access',
  refreshToken: 'old-refresh',
  idToken: 'old-id',
  issuedAt: 1_000,
  user: { name: 'Milo Member', email: 'member@demo.makrx.org', username: 'member', roles: [] },
};

describe('sessionFromTokens', () => {
  it('names the user from the ID token and takes the realm roles from the access token', () => {
    const session = sessionFromTokens(
      {
        access_token: jwt({ realm_access: { roles: ['store_customer'] } }),
        refresh_token: 'refresh',
        id_token: 'id',
        claims: () => ({ name: 'Chris Customer', email: 'customer@demo.makrx.org' }),
      },
      2_000,
    );
    expect(session).toMatchObject({
      refreshToken: 'refresh',
      idToken: 'id',
      issuedAt: 2_000,
      user: { name: 'Chris Customer', email: 'customer@demo.makrx.org', roles: ['store_customer'] },
    });
  });

  it('keeps the ID token and user when a refresh brings no new ID token', () => {
    const session = sessionFromTokens(
      { access_token: 'new-access', refresh_token: 'new-refresh', claims: () => undefined },
      2_000,
      previous,
    );
    expect(session).toEqual({
      ...previous,
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      issuedAt: 2_000,
    });
  });

  it('refuses tokens it could never refresh', () => {
    expect(() =>
      sessionFromTokens({ access_token: 'a', id_token: 'i', claims: () => ({}) }, 2_000),
    ).toThrow(/no refresh token/);
  });
});

describe('isDueForCheck', () => {
  it('checks with the provider once the tokens are a minute old', () => {
    expect(isDueForCheck(previous, previous.issuedAt + 59)).toBe(false);
    expect(isDueForCheck(previous, previous.issuedAt + 60)).toBe(true);
  });
});
