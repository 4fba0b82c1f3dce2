import { AppError } from '@makrx/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { BackendClient, Caller } from './caller';

export interface TokenVerifierOptions {
  /** The realm's issuer, e.g. `http://localhost:8080/realms/makrx`. */
  issuer: string;
  /** This service's own client id; a token must name it in `aud`. */
  audience: BackendClient;
  /** Defaults to Keycloak's layout: `${issuer}/protocol/openid-connect/certs`. */
  jwksUrl?: string;
}

export interface TokenVerifier {
  /** The caller a bearer token stands for; throws 401 INVALID_TOKEN saying what is wrong. */
  verify(token: string): Promise<Caller>;
}

/** Asymmetric only: a shared-secret (HS*) or unsigned token must never pass. */
const ALGORITHMS = ['RS256', 'ES256', 'PS256'];
/** Seconds of clock skew forgiven between the IdP and this service. */
const CLOCK_TOLERANCE = 5;
/** Keycloak names a client's service-account user `service-account-<client id>`. */
const SERVICE_ACCOUNT_PREFIX = 'service-account-';

export type InvalidTokenReason =
  'expired' | 'not-yet-valid' | 'issuer' | 'audience' | 'signature' | 'malformed';

const invalidToken = (reason: InvalidTokenReason, message: string) =>
  new AppError(401, 'INVALID_TOKEN', message, { reason });

/**
 * Verifies access tokens locally against the IdP's published keys (DESIGN "Identity"). jose
 * caches the key set and fetches it again when a token names a key id it has not seen, so
 * a key rotated at the IdP is picked up without a restart.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const issuer = options.issuer.replace(/\/+$/, '');
  const keys = unavailableWhenUnreachable(
    createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/protocol/openid-connect/certs`)),
  );
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          audience: options.audience,
          algorithms: ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE,
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw explainFailure(error, issuer, options.audience);
      }
      return callerFromClaims(payload);
    },
  };
}

const accessTokenClaims = z.object({
  azp: z.string().min(1),
  preferred_username: z.string().min(1),
  /** Keycloak marks access tokens `Bearer`; ID and refresh tokens are something else. */
  typ: z.literal('Bearer').optional(),
});

const userClaims = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  sid: z.string().optional(),
  realm_access: z.object({ roles: z.array(z.string()) }).optional(),
});

function callerFromClaims(payload: JWTPayload): Caller {
  const token = accessTokenClaims.safeParse(payload);
  if (!token.success) throw missingClaims(token.error);
  const { azp, preferred_username } = token.data;
  if (preferred_username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
    return { kind: 'service', clientId: azp };
  }
  const user = userClaims.safeParse(payload);
  if (!user.success) throw missingClaims(user.error);
  return {
    kind: 'user',
    userId: user.data.sub,
    username: preferred_username,
    email: user.data.email,
    emailVerified: user.data.email_verified === true,
    name: user.data.name ?? null,
    realmRoles: user.data.realm_access?.roles ?? [],
    sessionId: user.data.sid ?? null,
    clientId: azp,
    tokenExpiresAt: payload.exp! * 1000,
  };
}

function missingClaims(error: z.ZodError): AppError {
  const claims = [...new Set(error.issues.map((issue) => issue.path.join('.')))].join(', ');
  return invalidToken('malformed', `The token is malformed: check its ${claims} claim(s).`);
}

function explainFailure(error: unknown, issuer: string, audience: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof errors.JWTExpired) {
    return invalidToken('expired', 'The token has expired; sign in again.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') {
      return invalidToken('issuer', `The token was not issued by ${issuer} (wrong issuer).`);
    }
    if (error.claim === 'aud') {
      return invalidToken(
        'audience',
        `The token is not addressed to ${audience} (wrong audience).`,
      );
    }
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return invalidToken('not-yet-valid', 'The token is not valid yet; check the clocks.');
    }
    return invalidToken('malformed', `The token is malformed: ${error.message}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalidToken('signature', 'The token signature does not verify (bad signature).');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return invalidToken('signature', 'The token is signed with a key the IdP does not publish.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return invalidToken('signature', 'The token is signed with an algorithm that is not accepted.');
  }
  if (error instanceof errors.JOSEError) {
    return invalidToken('malformed', 'The token is malformed: it is not a signed JWT.');
  }
  throw error;
}

/**
 * An unreachable or broken key set is our fault, not the caller's: it answers 503 rather than
 * telling a client with a good token that its token is bad.
 */
export function unavailableWhenUnreachable(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (isKeySelectionFailure(error)) throw error;
      throw new AppError(
        503,
        'IDENTITY_PROVIDER_UNAVAILABLE',
        'Sign-in cannot be checked right now; try again shortly.',
      );
    }
  };
}

/** Failures of choosing a key from a key set that was fetched fine: the token's fault. */
function isKeySelectionFailure(error: unknown): boolean {
  return (
    error instanceof errors.JOSEError &&
    !(error instanceof errors.JWKSTimeout) &&
    !(error instanceof errors.JWKSInvalid) &&
    error.code !== errors.JOSEError.code
  );
}
