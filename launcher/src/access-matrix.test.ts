import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessMatrix, decideAccess, features, type MatrixRole } from '@makrx/auth';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import { caveService } from '@makrx/cave-service';
import { createEmptyPostgresDatabase, testDrivers } from '@makrx/db/testing';
import { createService, type ServiceDefinition } from '@makrx/service-kit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

/**
 * The spec's access matrix, every one of its 112 cells, through real HTTP with real tokens:
 * the demo users sign in at the identity provider of `npm start`, makerspace roles come from
 * the cave's membership table through the cave's own guard. Each cell is stood for by a read
 * and a write route of a probe service that declares it, so all sixteen features are covered
 * whether or not their domain routes exist yet.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const issuer = 'http://localhost:28780/realms/makrx';
const SPACE = 'makrx-hub-bengaluru';
const logins: Record<Exclude<MatrixRole, 'guest'>, string> = {
  super_admin: 'superadmin@demo.makrx.org',
  admin: 'admin@demo.makrx.org',
  makerspace_admin: 'spaceadmin@demo.makrx.org',
  service_provider: 'provider@demo.makrx.org',
  member: 'member@demo.makrx.org',
  store_customer: 'customer@demo.makrx.org',
};
const roles = [...(Object.keys(logins) as MatrixRole[]), 'guest'] as const;

const probeService: ServiceDefinition = {
  name: 'cave',
  title: 'Access matrix probe',
  description: 'One read and one write route per matrix feature, under a makerspace.',
  authentication: caveService.authentication!,
  modules: [
    {
      prefix: '/api/v1',
      plugin: async (app) => {
        for (const feature of features) {
          const url = `/makerspaces/:slug/probe/${feature}`;
          app.get(url, { config: { access: { feature, mode: 'read' } } }, async () => ({
            feature,
          }));
          app.post(url, { config: { access: { feature, mode: 'write' } } }, async () => ({
            feature,
          }));
        }
      },
    },
  ],
};

describe.each(testDrivers)('the access matrix over %s', (driver) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-matrix-'));
  let postgres: Awaited<ReturnType<typeof createEmptyPostgresDatabase>> | undefined;
  let makrx: RunningMakrx;
  let probe: FastifyInstance;
  const tokens: Partial<Record<MatrixRole, string>> = {};
  const config = () =>
    loadLauncherConfig({
      MAKRX_DATA_DIR: dataDir,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      AUTH_API_URL: 'http://localhost:28701',
      CAVE_API_URL: 'http://localhost:28702',
      STORE_API_URL: 'http://localhost:28703',
      OIDC_ISSUER: issuer,
      MAKRX_EMBEDDED_IDP: 'true',
      LOG_LEVEL: 'silent',
    });

  beforeAll(async () => {
    if (driver === 'postgres') {
      postgres = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, 'makrx_matrix');
    }
    const settings = config();
    makrx = await startMakrx(root, settings, () => {}, { withApps: false });
    const signIn = (login: string) =>
      signInForAccessToken({
        issuer,
        clientId: 'makrcave-frontend',
        redirectUri: 'http://localhost:3001/auth/callback',
        login,
        password: settings.MAKRX_DEMO_PASSWORD,
      });
    tokens.super_admin = await signIn(logins.super_admin);
    // The Admin column is a domain admin of the feature's domain: make the demo admin one of all three.
    const adminId = JSON.parse(
      Buffer.from((await signIn(logins.admin)).split('.')[1]!, 'base64url').toString(),
    ).sub;
    for (const role of ['admin:org', 'admin:store']) {
      const granted = await fetch(
        `http://localhost:28701/api/v1/admin/users/${adminId}/roles/${role}`,
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${tokens.super_admin}` },
        },
      );
      expect(granted.status).toBe(200);
    }
    for (const [role, login] of Object.entries(logins))
      tokens[role as MatrixRole] ??= await signIn(login);

    probe = await createService(probeService, {
      database: makrx.database,
      allowedOrigins: [],
      issuer,
      logger: false,
    });
    await probe.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await probe?.close();
    await makrx?.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has 16 features and 7 roles: 112 cells', () => {
    expect(features.length * roles.length).toBe(112);
  });

  const cells = features.flatMap((feature) => roles.map((role) => [feature, role] as const));
  it.each(cells)('%s for %s answers as the matrix says', async (feature, role) => {
    const url = `http://127.0.0.1:${(probe.server.address() as { port: number }).port}/api/v1/makerspaces/${SPACE}/probe/${feature}`;
    const headers: Record<string, string> =
      role === 'guest' ? {} : { authorization: `Bearer ${tokens[role]}` };
    const denied = role === 'guest' ? 401 : 403;
    for (const mode of ['read', 'write'] as const) {
      const response = await fetch(url, { method: mode === 'read' ? 'GET' : 'POST', headers });
      const expected = decideAccess(feature, mode, [role]) === 'allow' ? 200 : denied;
      expect(response.status, `${mode} (${accessMatrix[feature].access[role]})`).toBe(expected);
    }
  });
});
