import { randomBytes } from 'node:crypto';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { uniqueUsername } from './accounts';
import { brokerStates, federatedIdentities, userRoles } from './tables';

/** An upstream OpenID Connect provider people may sign in with (spec: social login). */
export interface UpstreamProvider {
  alias: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Broker {
  upstream: UpstreamProvider;
  /** Where the upstream sends the browser back: registered there as the redirect URI. */
  redirectUri: string;
  /** The upstream's authorization URL for this sign-in; remembers how to finish it. */
  begin(interactionUid: string): Promise<string>;
  /** Completes the upstream sign-in; returns our interaction uid and the state to finish it. */
  complete(callbackUrl: URL): Promise<{ interactionUid: string; state: string }>;
  /** The user an upstream sign-in vouched for, once, under the interaction it began in. */
  finish(state: string, interactionUid: string): Promise<string | undefined>;
}

export class AccountExistsError extends Error {}

const STATE_TTL_MS = 10 * 60 * 1000;

export function createBroker(
  db: Database,
  upstream: UpstreamProvider,
  redirectUri: string,
): Broker {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () =>
    (configuration ??= client
      .discovery(new URL(upstream.issuer), upstream.clientId, upstream.clientSecret, undefined, {
        execute:
          new URL(upstream.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        configuration = undefined;
        throw err;
      }));

  return {
    upstream,
    redirectUri,
    async begin(interactionUid) {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = randomBytes(24).toString('base64url');
      const nonce = randomBytes(24).toString('base64url');
      await db.insert(brokerStates).values({
        state,
        interactionUid,
        codeVerifier,
        nonce,
        expiresAt: new Date(Date.now() + STATE_TTL_MS),
      });
      return client
        .buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: 'openid email profile',
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        })
        .toString();
    },
    async complete(callbackUrl) {
      const state = callbackUrl.searchParams.get('state') ?? '';
      const [pending] = await db
        .select()
        .from(brokerStates)
        .where(
          and(
            eq(brokerStates.state, state),
            gt(brokerStates.expiresAt, new Date()),
            isNull(brokerStates.userId),
          ),
        );
      if (!pending) throw new Error('unknown or expired sign-in state');
      const tokens = await client.authorizationCodeGrant(await discover(), callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the upstream provider sent no ID token');
      const userId = await linkedUser(db, upstream.alias, {
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : undefined,
      });
      await db.update(brokerStates).set({ userId }).where(eq(brokerStates.state, state));
      return { interactionUid: pending.interactionUid, state };
    },
    async finish(state, interactionUid) {
      const [done] = await db
        .delete(brokerStates)
        .where(
          and(
            eq(brokerStates.state, state),
            eq(brokerStates.interactionUid, interactionUid),
            gt(brokerStates.expiresAt, new Date()),
            isNotNull(brokerStates.userId),
          ),
        )
        .returning({ userId: brokerStates.userId });
      return done?.userId ?? undefined;
    },
  };
}

/**
 * The user behind an upstream account: the one linked before; else the user with that email
 * when both the upstream and we have verified it; else a new user, who gets the role everyone
 * gets (and, if the upstream did not vouch for the email, must verify it before signing in).
 */
async function linkedUser(
  db: Database,
  provider: string,
  identity: {
    subject: string;
    email: string | undefined;
    emailVerified: boolean;
    name: string | undefined;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ userId: federatedIdentities.userId })
      .from(federatedIdentities)
      .where(
        and(
          eq(federatedIdentities.provider, provider),
          eq(federatedIdentities.subject, identity.subject),
        ),
      );
    if (linked) return linked.userId;
    if (!identity.email) throw new Error('the upstream provider shared no email address');
    const [existing] = await tx
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${identity.email})`);
    // Both must vouch for the address: an account someone made with another's email and never
    // verified must not become theirs when the real owner arrives through the upstream.
    if (existing && !(identity.emailVerified && existing.emailVerified)) {
      throw new AccountExistsError(
        'an account with this email exists and the address is not verified on both sides',
      );
    }
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({
          email: identity.email,
          username: await uniqueUsername(tx, identity.email),
          displayName: identity.name ?? identity.email.split('@')[0]!,
          emailVerified: identity.emailVerified,
        })
        .returning({ id: users.id });
      userId = created!.id;
      await tx.insert(userRoles).values({ userId, role: 'store_customer' });
    }
    await tx.insert(federatedIdentities).values({ provider, subject: identity.subject, userId });
    return userId;
  });
}
