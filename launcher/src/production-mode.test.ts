import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authService } from '@makrx/auth-service';
import { caveService } from '@makrx/cave-service';
import { connectDatabase, type DatabaseHandle, type Driver } from '@makrx/db';
import { createEmptyPostgresDatabase } from '@makrx/db/testing';
import {
  ConfigError,
  startService,
  type RunningService,
  type ServiceDefinition,
} from '@makrx/service-kit';
import { testDrivers } from '@makrx/service-kit/testing';
import { storeService } from '@makrx/store-service';
import { afterAll, describe, expect, it } from 'vitest';
import { startMakrx } from './start-makrx';
import { storeAppSecrets } from './store-app';
import { loadLauncherConfig } from './config';

/**
 * With NODE_ENV=production, nothing starts on what makes embedded mode work without setup:
 * built-in secrets, the dev mailbox, the offline payment gateway, demo users and data, an
 * embedded database. What is wrong is named in one message, every variable at once.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-production-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const METRICS_TOKEN = 'a-metrics-token-of-this-deployment-000000';

/** Everything a production deployment sets (README "Production mode"). */
const production = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  MAKRX_DATA_DIR: dataDir,
  DATABASE_URL: 'postgres://makrx@127.0.0.1:9/makrx',
  OIDC_ISSUER: 'http://127.0.0.1:9/realms/makrx',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  METRICS_TOKEN,
  MAKRX_DEMO_DATA: 'false',
  SERVICE_CLIENT_SECRET: 'a-client-secret-of-this-deployment',
  CLIENT_SECRET_AUTH_SERVICE: 'auth-service-secret-of-this-deployment',
  CLIENT_SECRET_MAKRCAVE_BACKEND: 'makrcave-secret-of-this-deployment',
  CLIENT_SECRET_STORE_BACKEND: 'store-backend-secret-of-this-deployment',
  STRIPE_SECRET_KEY: 'sk_test_of_this_deployment',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_of_this_deployment',
  FILE_SIGNING_SECRET: 'a-file-signing-secret-of-this-deployment-0000',
  STORE_SESSION_SECRET: 'a-store-session-secret-of-this-deployment-000',
};

/** The problems a production start of `definition` on `env` is refused with. */
async function refusal(definition: ServiceDefinition, env: Record<string, string | undefined>) {
  const error = await startService(definition, { env }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

const without = (name: keyof typeof production) => ({ ...production, [name]: undefined });

describe('a service started with NODE_ENV=production', () => {
  it('refuses a built-in client secret of the embedded identity provider', async () => {
    const problems = await refusal(authService, without('CLIENT_SECRET_STORE_BACKEND'));
    expect(problems).toEqual([
      expect.stringMatching(/^CLIENT_SECRET_STORE_BACKEND: is a built-in development secret/),
    ]);
  });

  it('refuses a built-in secret given as its own client secret', async () => {
    const env = { ...production, SERVICE_CLIENT_SECRET: 'embedded-store-backend-secret' };
    const problems = await refusal(storeService, env);
    expect(problems).toEqual([
      expect.stringMatching(/^SERVICE_CLIENT_SECRET: is a built-in development secret/),
    ]);
  });

  it('refuses the default file-signing secret while files are kept on local disk', async () => {
    const problems = await refusal(storeService, without('FILE_SIGNING_SECRET'));
    expect(problems).toEqual([
      expect.stringMatching(/^FILE_SIGNING_SECRET: is a built-in development secret/),
    ]);
  });

  it('refuses the dev mailbox', async () => {
    const problems = await refusal(caveService, without('SMTP_URL'));
    expect(problems).toEqual([expect.stringMatching(/^SMTP_URL: not set, so mail .* dev mailbox/)]);
  });

  it('refuses the offline payment gateway unless test mode is asked for', async () => {
    const problems = await refusal(storeService, without('STRIPE_SECRET_KEY'));
    expect(problems).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY: not set, so payments .* MAKRX_PAYMENTS=offline/),
    ]);
  });

  it('refuses to seed demo users and data', async () => {
    const problems = await refusal(authService, { ...production, MAKRX_DEMO_DATA: 'true' });
    expect(problems).toEqual([expect.stringMatching(/^MAKRX_DEMO_DATA: demo users/)]);
  });

  it('refuses an embedded database, which would also be seeded with the demo data', async () => {
    const env = { ...production, DATABASE_URL: undefined, MAKRX_DEMO_DATA: undefined };
    const problems = await refusal(caveService, env);
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: not set, .* embedded database \(PGlite\)/),
      expect.stringMatching(/^MAKRX_DEMO_DATA: demo users/),
    ]);
  });

  it('refuses open /metrics and /docs', async () => {
    const problems = await refusal(caveService, without('METRICS_TOKEN'));
    expect(problems).toEqual([expect.stringMatching(/^METRICS_TOKEN: not set/)]);
  });

  it('names every development default in one message', async () => {
    const error = await startService(storeService, {
      env: { NODE_ENV: 'production', LOG_LEVEL: 'silent', MAKRX_DATA_DIR: dataDir },
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as ConfigError;
    expect(message).toMatch(/^Refusing to run in production on:/);
    for (const variable of [
      'FILE_SIGNING_SECRET',
      'DATABASE_URL',
      'SMTP_URL',
      'METRICS_TOKEN',
      'STRIPE_SECRET_KEY',
      'MAKRX_DEMO_DATA',
    ]) {
      expect(message).toContain(`  - ${variable}: `);
    }
    expect((error as ConfigError).problems).toHaveLength(6);
  });
});

/**
 * The database of a production start: a migrated PostgreSQL database when TEST_DATABASE_URL
 * names a server, which the service connects to itself by DATABASE_URL; over PGlite, a migrated
 * embedded database handed to it as the launcher hands its own (DATABASE_URL then names a
 * server nobody connects to).
 */
async function productionDatabase(driver: Driver) {
  if (driver === 'postgres') {
    const empty = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, 'makrx_prod');
    const migrating = await connectDatabase({ url: empty.url });
    await migrating.migrate();
    await migrating.close();
    return { env: { DATABASE_URL: empty.url }, shared: undefined, close: empty.drop };
  }
  const handle: DatabaseHandle = await connectDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  return { env: {}, shared: handle, close: () => handle.close() };
}

describe.each(testDrivers)('a production deployment with everything set, over %s', (driver) => {
  it('starts; /dev/mail and /dev/inbox are not there; /metrics and /docs answer only the operators’ token', async () => {
    const database = await productionDatabase(driver);
    const started: RunningService[] = [];
    try {
      for (const [definition, port] of [
        [authService, '28711'],
        [storeService, '28713'],
      ] as const) {
        const env = { ...production, ...database.env, PORT: port };
        started.push(await startService(definition, { env, database: database.shared }));
      }
      const auth = 'http://127.0.0.1:28711';
      expect((await fetch(`${auth}/health`)).status).toBe(200);
      expect((await fetch(`${auth}/dev/mail`)).status).toBe(404);
      expect((await fetch(`${auth}/dev/inbox`)).status).toBe(404);

      for (const base of [auth, 'http://127.0.0.1:28713']) {
        for (const path of ['/metrics', '/docs', '/openapi.json']) {
          const anonymous = await fetch(`${base}${path}`);
          expect(anonymous.status, `${base}${path} without a token`).toBe(401);
          expect((await anonymous.json()).error.code).toBe('AUTHENTICATION_REQUIRED');
          const wrong = await fetch(`${base}${path}`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
          });
          expect(wrong.status, `${base}${path} with another token`).toBe(401);
          const scraped = await fetch(`${base}${path}`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}` },
          });
          expect(scraped.status, `${base}${path} with the token`).toBe(200);
        }
      }
      const metrics = await fetch(`${auth}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(await metrics.text()).toContain('http_request_duration_seconds');
    } finally {
      for (const service of started.reverse()) await service.close();
      await database.close();
    }
  });

  it('takes test cards on purpose with MAKRX_PAYMENTS=offline', async () => {
    const database = await productionDatabase(driver);
    const env = {
      ...production,
      ...database.env,
      PORT: '28713',
      STRIPE_SECRET_KEY: undefined,
      MAKRX_PAYMENTS: 'offline',
    };
    const store = await startService(storeService, { env, database: database.shared });
    try {
      expect((await fetch('http://127.0.0.1:28713/health')).status).toBe(200);
    } finally {
      await store.close();
      await database.close();
    }
  });
});

describe('npm start with NODE_ENV=production', () => {
  it('refuses to start the store app without a session secret of its own', async () => {
    const error = await startMakrx(root, without('STORE_SESSION_SECRET'), () => {}).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^STORE_SESSION_SECRET: not set/),
    ]);
  });

  it('refuses the store app’s built-in development secret', async () => {
    const env = {
      ...production,
      STORE_SESSION_SECRET: 'embedded-store-app-session-development-secret',
    };
    const error = await startMakrx(root, env, () => {}).catch((err: unknown) => err);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^STORE_SESSION_SECRET: is a built-in development secret/),
    ]);
  });

  it('names its own defaults and those of every service it starts, in one message', async () => {
    const error = await startMakrx(root, { NODE_ENV: 'production' }, () => {}).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const named = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(named.sort()).toEqual([
      'CLIENT_SECRET_AUTH_SERVICE',
      'CLIENT_SECRET_MAKRCAVE_BACKEND',
      'CLIENT_SECRET_STORE_BACKEND',
      'DATABASE_URL',
      'FILE_SIGNING_SECRET',
      'MAKRX_DEMO_DATA',
      'METRICS_TOKEN',
      'SMTP_URL',
      'STORE_SESSION_SECRET',
      'STRIPE_PUBLISHABLE_KEY',
      'STRIPE_SECRET_KEY',
    ]);
  });

  it('hands the store app the deployment’s secret and Stripe key', () => {
    const config = loadLauncherConfig(production);
    expect(storeAppSecrets(config, dataDir)).toEqual({
      STORE_SESSION_SECRET: production.STORE_SESSION_SECRET,
      STRIPE_PUBLISHABLE_KEY: production.STRIPE_PUBLISHABLE_KEY,
    });
  });
});

describe('npm start in embedded mode', () => {
  it('hands the store app a random session secret, kept across starts, and test mode', () => {
    const config = loadLauncherConfig({ MAKRX_DATA_DIR: dataDir });
    const first = storeAppSecrets(config, dataDir);
    expect(first.STORE_SESSION_SECRET).toMatch(/^[\w-]{43}$/);
    expect(first.MAKRX_PAYMENTS).toBe('offline');
    expect(storeAppSecrets(config, dataDir).STORE_SESSION_SECRET).toBe(first.STORE_SESSION_SECRET);
    const elsewhere = mkdtempSync(join(tmpdir(), 'makrx-production-other-'));
    try {
      expect(storeAppSecrets(config, elsewhere).STORE_SESSION_SECRET).not.toBe(
        first.STORE_SESSION_SECRET,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
