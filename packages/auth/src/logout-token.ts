import { AppError } from '@makrx/contracts';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { unavailableWhenUnreachable } from './verify-token';

/** The event every logout token carries (OpenID Connect Back-Channel Logout 1.0, 2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const ALGORITHMS = ['RS256', 'ES256', 'PS256'];
const CLOCK_TOLERANCE = 5;
/** A logout token is acted on at once; an old one is a replay, whatever its exp says. */
const MAX_TOKEN_AGE = '10m';

export interface LogoutTokenVerifierOptions {
  issuer: string;
  /** The client the logout is for: the token's `aud` must name it. */
  clientId: string;
  jwksUrl?: string;
}

/** Which session ended: its sid at this client, or every session of `sub` when sid is absent. */
export interface VerifiedLogout {
  sub: string | null;
  sid: string | null;
  jti: string;
}

const logoutClaims = z
  .object({
    jti: z.string().min(1).max(256),
    iat: z.number(),
    sub: z.string().min(1).max(256).optional(),
    sid: z.string().min(1).max(256).optional(),
    events: z.record(z.string(), z.unknown()),
    // A logout token must never pass for an ID token (2.4): no nonce.
    nonce: z.never({ message: 'must be absent' }).optional(),
  })
  .refine((claims) => typeof claims.events[BACKCHANNEL_LOGOUT_EVENT] === 'object', {
    path: ['events'],
    message: 'must name the back-channel logout event',
  })
  .refine((claims) => claims.sub !== undefined || claims.sid !== undefined, {
    path: ['sid'],
    message: 'sid or sub is required',
  });

const invalid = (message: string) => new AppError(400, 'INVALID_LOGOUT_TOKEN', message);

/**
 * Validates a logout token as section 2.6 of the specification says: signed by the issuer's
 * published keys, for this client, recent, carrying the logout event and sid or sub, no nonce.
 */
export function createLogoutTokenVerifier(options: LogoutTokenVerifierOptions) {
  const issuer = options.issuer.replace(/\/+$/, '');
  const keys = unavailableWhenUnreachable(
    createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/protocol/openid-connect/certs`)),
  );
  return async function verifyLogoutToken(token: string): Promise<VerifiedLogout> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: options.clientId,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw invalid(`The logout token was refused: ${(error as Error).message}`);
    }
    const claims = logoutClaims.safeParse(payload);
    if (!claims.success) {
      const named = claims.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw invalid(`The logout token's claims are not valid: ${named}.`);
    }
    return { sub: claims.data.sub ?? null, sid: claims.data.sid ?? null, jti: claims.data.jti };
  };
}
