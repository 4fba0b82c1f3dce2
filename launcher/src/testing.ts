import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

/**
 * MakrX as `npm start` runs it (embedded identity provider, demo data, no apps) on ports of
 * its own (`portBase` + 1, 2, 3 for the services, + 80 for the issuer), in a data folder of its
 * own, for a test that crosses services.
 */
export interface EmbeddedMakrxForTest {
  issuer: string;
  api: { auth: string; cave: string; store: string };
  /** The launcher's environment, for a test that needs a setting of it. */
  env: Record<string, string>;
  start(): Promise<RunningMakrx>;
  /** A demo person's access token, signed in with the demo password. */
  signIn(login: string): Promise<string>;
  stop(): Promise<void>;
}

export function embeddedMakrxForTest(name: string, portBase: number): EmbeddedMakrxForTest {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), `makrx-${name}-`));
  const issuer = `http://localhost:${portBase + 80}/realms/makrx`;
  const url = (offset: number) => `http://localhost:${portBase + offset}`;
  const env = {
    MAKRX_DATA_DIR: dataDir,
    AUTH_API_URL: url(1),
    CAVE_API_URL: url(2),
    STORE_API_URL: url(3),
    OIDC_ISSUER: issuer,
    MAKRX_EMBEDDED_IDP: 'true',
    LOG_LEVEL: 'silent',
  };
  const config = loadLauncherConfig(env);
  let running: RunningMakrx | undefined;
  return {
    issuer,
    api: { auth: `${url(1)}/api/v1`, cave: `${url(2)}/api/v1`, store: `${url(3)}/api/v1` },
    env,
    async start() {
      running = await startMakrx(root, env, () => {}, { withApps: false });
      return running;
    },
    signIn: (login) =>
      signInForAccessToken({
        issuer,
        clientId: 'makrx-org-frontend',
        redirectUri: 'http://localhost:3000/auth/callback',
        login,
        password: config.MAKRX_DEMO_PASSWORD,
      }),
    async stop() {
      await running?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
