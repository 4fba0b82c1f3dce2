/**
 * The confidential clients of the realm (spec section 7, "Keycloak"): each backend verifies
 * tokens addressed to its own client id and calls the others with client-credentials tokens.
 */
export const backendClients = ['auth-service', 'makrcave-backend', 'store-backend'] as const;
export type BackendClient = (typeof backendClients)[number];

/** A person signed in at one of the apps, as their access token describes them. */
export interface UserCaller {
  kind: 'user';
  userId: string;
  username: string;
  email: string;
  /** The identity provider checked the owner reads mail at `email` (`email_verified`). */
  emailVerified: boolean;
  /** Absent when the account has neither a first nor a last name (Keycloak omits the claim). */
  name: string | null;
  /** Global realm roles only; makerspace roles come from the cave's membership table. */
  realmRoles: string[];
  /** The IdP session, so sign-out everywhere can be traced; null if the token carries none. */
  sessionId: string | null;
  /** The app the user signed in through (`azp`). */
  clientId: string;
  /** When the access token stops being valid (`exp`, in ms): a live stream ends there. */
  tokenExpiresAt: number;
}

/** A backend calling another backend with a client-credentials token. */
export interface ServiceCaller {
  kind: 'service';
  clientId: string;
}

/** Who is calling; `null` wherever a caller is expected means a guest. */
export type Caller = UserCaller | ServiceCaller;
