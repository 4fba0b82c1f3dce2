import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, sessionUserOf } from './session-user';

const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('sessionUserOf', () => {
  it('reads the profile from the ID token and the realm roles from the access token', () => {
    const accessToken = jwt({ realm_access: { roles: ['store_customer', 'admin'] } });
    const user = sessionUserOf(
      { name: 'Zoë Ångström', email: 'zoe@example.org', preferred_username: 'zoe' },
      accessToken,
    );
    expect(user).toEqual({
      name: 'Zoë Ångström',
      email: 'zoe@example.org',
      username: 'zoe',
      roles: ['store_customer', 'admin'],
    });
  });

  it('falls back to the username when the provider sends no name', () => {
    const user = sessionUserOf({ preferred_username: 'maker42' }, jwt({}));
    expect(user).toMatchObject({ name: 'maker42', email: '', roles: [] });
  });
});

describe('decodeJwtPayload', () => {
  it('answers an empty payload for something that is not a JWT', () => {
    expect(decodeJwtPayload('opaque-token')).toEqual({});
    expect(decodeJwtPayload('a.%%%.c')).toEqual({});
  });
});
