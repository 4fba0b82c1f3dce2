import { createServer } from 'node:net';
import type { DatabaseHandle } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { createTestDatabase, testDrivers } from '@makrx/db/testing';
import { createMailer } from '@makrx/mailer';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityProvider, identityEnv, seedDemoUsers } from '../../identity';
import { BrowserSession } from '../../testing';
import { createAccountWithPassword } from './accounts';
import { lockAccount } from './service';
import { federatedIdentities } from './tables';

const APP = 'http://localhost:3000';
const appUrls = { gateway: APP, cave: 'http://localhost:3001', store: 'http://localhost:3003' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Social login the way Keycloak brokers it, with a second instance of our own provider as the
 * upstream (on 127.0.0.1, so the two keep their cookies apart as two sites would).
 */
describe.each(testDrivers)(
  'signing in through an upstream OpenID Connect provider over %s',
  (driver) => {
    const databases: DatabaseHandle[] = [];
    const servers: FastifyInstance[] = [];
    let ours: string;
    let upstream: string;
    let ourDb: DatabaseHandle;

    beforeAll(async () => {
      ours = `http://localhost:${await freePort()}/realms/makrx`;
      upstream = `http://127.0.0.1:${await freePort()}/realms/partner`;
      const upstreamDb = await createTestDatabase('pglite');
      ourDb = await createTestDatabase(driver);
      databases.push(upstreamDb, ourDb);
      await seedDemoUsers(upstreamDb.db, 'upstream-password');
      await seedDemoUsers(ourDb.db, 'makrx-demo');
      for (const [username, displayName] of [
        ['grace', 'Grace Hopper'],
        ['ivy', 'Ivy Partner'],
      ] as const) {
        await createAccountWithPassword(upstreamDb.db, {
          email: `${username}@partner.example`,
          username,
          displayName,
          password: 'upstream-password',
          emailVerified: true,
        });
      }
      const quiet = { info: () => {} };
      const upstreamIdp = await createIdentityProvider(
        upstreamDb,
        identityEnv.parse({ OIDC_ISSUER: upstream }),
        appUrls,
        createMailer({ from: 'partner@example.org', database: upstreamDb.db, log: quiet }),
        {
          extraClients: [
            {
              client_id: 'makrx-broker',
              client_secret: 'broker-secret-for-tests',
              redirect_uris: [`${ours}/login-actions/broker/partner/endpoint`],
              grant_types: ['authorization_code'],
              response_types: ['code'],
            },
          ],
        },
      );
      await upstreamIdp.listen({ host: '127.0.0.1', port: Number(new URL(upstream).port) });
      const ourIdp = await createIdentityProvider(
        ourDb,
        identityEnv.parse({
          OIDC_ISSUER: ours,
          UPSTREAM_OIDC_ISSUER: upstream,
          UPSTREAM_OIDC_CLIENT_ID: 'makrx-broker',
          UPSTREAM_OIDC_CLIENT_SECRET: 'broker-secret-for-tests',
          UPSTREAM_OIDC_NAME: 'Partner ID',
          UPSTREAM_OIDC_ALIAS: 'partner',
        }),
        appUrls,
        createMailer({ from: 'makrx@example.org', database: ourDb.db, log: quiet }),
      );
      await ourIdp.listen({ host: '127.0.0.1', port: Number(new URL(ours).port) });
      servers.push(upstreamIdp, ourIdp);
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      for (const database of databases) await database.close();
    });

    /** Signs in at the upstream; where our provider then sends the browser, or its page. */
    async function throughUpstream(login: string) {
      const browser = new BrowserSession();
      const ourOrigin = new URL(ours).origin;
      const upstreamOrigin = new URL(upstream).origin;
      const verifier = 'v'.repeat(64);
      const challenge = Buffer.from(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
      ).toString('base64url');
      const authUrl = `${ours}/protocol/openid-connect/auth?${new URLSearchParams({
        client_id: 'makrx-org-frontend',
        redirect_uri: `${APP}/auth/callback`,
        response_type: 'code',
        scope: 'openid profile email roles',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`;
      const signInPage = await (await browser.follow(authUrl, ourOrigin)).response!.text();
      expect(signInPage).toContain('Continue with Partner ID');
      const brokerLink = /href="([^"]+\/broker\/partner\/login)"/.exec(signInPage)![1]!;
      const toUpstream = await browser.follow(new URL(brokerLink, ourOrigin).toString(), ourOrigin);
      const upstreamPage = await (
        await browser.follow(toUpstream.url, upstreamOrigin)
      ).response!.text();
      const action = /<form method="post" action="([^"]+)"/.exec(upstreamPage)![1]!;
      const posted = await browser.request(new URL(action, upstreamOrigin).toString(), {
        form: { username: login, password: 'upstream-password' },
      });
      const back = await browser.follow(
        new URL(posted.headers.get('location')!, upstreamOrigin).toString(),
        upstreamOrigin,
      );
      const { url, response } = await browser.follow(back.url, ourOrigin);
      return { url, verifier, status: response?.status, page: await response?.text() };
    }

    async function signInUpstream(login: string): Promise<Record<string, unknown>> {
      const { url, verifier } = await throughUpstream(login);
      expect(url.startsWith(`${APP}/auth/callback`)).toBe(true);
      const token = await fetch(`${ours}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: new URL(url).searchParams.get('code')!,
          redirect_uri: `${APP}/auth/callback`,
          client_id: 'makrx-org-frontend',
          code_verifier: verifier,
        }),
      });
      expect(token.status).toBe(200);
      return decodeJwt(((await token.json()) as { access_token: string }).access_token);
    }

    const ourUser = async (email: string) => {
      const [user] = await ourDb.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, email));
      return user!.id;
    };

    it('creates a store customer for someone new, and links their upstream account', async () => {
      const claims = await signInUpstream('grace@partner.example');
      expect(claims).toMatchObject({
        email: 'grace@partner.example',
        name: 'Grace Hopper',
        realm_access: { roles: ['store_customer'] },
      });
      const [grace] = await ourDb.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, 'grace@partner.example'));
      const links = await ourDb.db
        .select()
        .from(federatedIdentities)
        .where(eq(federatedIdentities.userId, grace!.id));
      expect(links).toMatchObject([{ provider: 'partner' }]);
    });

    it('signs the same person in again as the same user', async () => {
      const first = await signInUpstream('grace@partner.example');
      const second = await signInUpstream('grace@partner.example');
      expect(second.sub).toBe(first.sub);
    });

    it('links an existing account when the upstream vouches for its email', async () => {
      const [ours_] = await ourDb.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, 'admin@demo.makrx.org'));
      const claims = await signInUpstream('admin@demo.makrx.org');
      expect(claims.sub).toBe(ours_!.id);
      expect((claims.realm_access as { roles: string[] }).roles).toContain('admin:cave');
    });

    it('does not sign in an account a super admin locked', async () => {
      await signInUpstream('spaceadmin@demo.makrx.org');
      await lockAccount(
        ourDb.db,
        await ourUser('spaceadmin@demo.makrx.org'),
        await ourUser('superadmin@demo.makrx.org'),
      );
      const refused = await throughUpstream('spaceadmin@demo.makrx.org');
      expect(refused.url.startsWith(`${APP}/auth/callback`)).toBe(false);
      expect(refused.status).toBe(423);
      expect(refused.page).toContain('locked by an administrator');
    });

    it('does not link to an account whose email was never verified here', async () => {
      // Someone signed up with the address before its owner came: the owner's upstream
      // sign-in must not hand them that account.
      const squatted = await createAccountWithPassword(ourDb.db, {
        email: 'ivy@partner.example',
        username: 'ivy-squatted',
        displayName: 'Not Ivy',
        password: 'squatter-password',
      });
      const refused = await throughUpstream('ivy@partner.example');
      expect(refused.status).toBe(400);
      expect(refused.page).toContain('An account with this email already exists');
      const links = await ourDb.db
        .select()
        .from(federatedIdentities)
        .where(eq(federatedIdentities.userId, squatted));
      expect(links).toEqual([]);
    });
  },
);
