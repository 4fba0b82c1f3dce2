import { randomUUID } from 'node:crypto';
import { BACKCHANNEL_LOGOUT_EVENT } from '@makrx/auth';
import type { Database } from '@makrx/db';
import { importJWK, SignJWT } from 'jose';
import { activeSigningKeys } from './signing-keys';

const LOGOUT_TOKEN_SECONDS = 120;

export interface BackchannelLogout {
  issuer: string;
  clientId: string;
  uri: string;
  sub: string;
  sid: string;
}

/**
 * Tells an app that one of its sessions ended, as oidc-provider does at its own logout
 * endpoint: a logout token signed with the provider's current key, posted to the app's
 * `backchannel_logout_uri`. Used when a session ends elsewhere than at that endpoint (the
 * account page's "sign out" buttons). A failure is the app's to recover from at its next
 * refresh, which the revoked grant refuses; it is reported, never thrown.
 */
export async function sendBackchannelLogout(
  db: Database,
  logout: BackchannelLogout,
): Promise<boolean> {
  const [key] = await activeSigningKeys(db);
  const privateKey = await importJWK(key!, 'RS256');
  const logoutToken = await new SignJWT({
    sid: logout.sid,
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
  })
    .setProtectedHeader({ alg: 'RS256', kid: key!.kid, typ: 'logout+jwt' })
    .setIssuer(logout.issuer)
    .setAudience(logout.clientId)
    .setSubject(logout.sub)
    .setIssuedAt()
    .setExpirationTime(`${LOGOUT_TOKEN_SECONDS}s`)
    .setJti(randomUUID())
    .sign(privateKey);
  try {
    const response = await fetch(logout.uri, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: logoutToken }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.status === 200 || response.status === 204;
  } catch {
    return false;
  }
}
