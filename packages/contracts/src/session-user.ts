/**
 * Who is signed in, as the three apps show them, read from the tokens of the identity provider
 * (DESIGN "Identity": Keycloak's claim shapes). Shared by the browser apps and the store's server,
 * imported as `@makrx/contracts/session-user` so that browsers do not load the zod schemas.
 */
export interface SessionUser {
  name: string;
  email: string;
  username: string;
  roles: string[];
}

type Claims = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** The payload of a JWT, unverified: the token came straight from the issuer over HTTPS. */
export function decodeJwtPayload(jwt: string): Claims {
  const payload = jwt.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Claims) : {};
  } catch {
    return {};
  }
}

function realmRoles(claims: Claims): string[] {
  const roles = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles)
    ? roles.filter((role): role is string => typeof role === 'string')
    : [];
}

/**
 * The profile comes from the ID token; the realm roles from the access token, where Keycloak's
 * default role mapper puts them (it leaves them out of the ID token).
 */
export function sessionUserOf(idTokenClaims: Claims, accessToken: string): SessionUser {
  const access = decodeJwtPayload(accessToken);
  const claim = (name: string) => text(idTokenClaims[name]) ?? text(access[name]);
  const email = claim('email') ?? '';
  const username = claim('preferred_username') ?? email;
  return {
    name: claim('name') ?? (username || 'MakrX member'),
    email,
    username,
    roles: realmRoles(access).length > 0 ? realmRoles(access) : realmRoles(idTokenClaims),
  };
}
