import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import { requestNotification } from '@makrx/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-notifications-'));
const issuer = 'http://localhost:28680/realms/makrx';
const env = {
  MAKRX_DATA_DIR: dataDir,
  AUTH_API_URL: 'http://localhost:28601',
  CAVE_API_URL: 'http://localhost:28602',
  STORE_API_URL: 'http://localhost:28603',
  OIDC_ISSUER: issuer,
  MAKRX_EMBEDDED_IDP: 'true',
  LOG_LEVEL: 'silent',
};
const config = loadLauncherConfig(env);
const org = 'http://localhost:28601/api/v1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let makrx: RunningMakrx;
let member: string;

beforeAll(async () => {
  makrx = await startMakrx(root, env, () => {}, { withApps: false });
  member = await signInForAccessToken({
    issuer,
    clientId: 'makrcave-frontend',
    redirectUri: 'http://localhost:3001/auth/callback',
    login: 'member@demo.makrx.org',
    password: config.MAKRX_DEMO_PASSWORD,
  });
});
afterAll(async () => {
  await makrx.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const memberId = () =>
  JSON.parse(Buffer.from(member.split('.')[1]!, 'base64url').toString()).sub as string;

const notificationsOfMember = async () => {
  const response = await fetch(`${org}/notifications`, {
    headers: { authorization: `Bearer ${member}` },
  });
  return (await response.json()) as { items: Array<{ title: string; source: string }> };
};

describe('notifications between the services of npm start', () => {
  it('delivers a notification the store asked for in its transaction to the member, through the auth service', async () => {
    // As a store module would, in the transaction of its change (one shared database here).
    await makrx.database.db.transaction((tx) =>
      requestNotification(tx, 'store', {
        userId: memberId(),
        kind: 'order.paid',
        title: 'Order MX-1001 is paid',
        body: 'Thank you! We are packing it.',
        link: 'http://localhost:3003/orders/MX-1001',
      }),
    );
    // The store's dispatcher relays it in the background; wait for it, up to a generous bound.
    let items: Array<{ title: string; source: string }> = [];
    for (let i = 0; i < 100 && items.length === 0; i += 1) {
      items = (await notificationsOfMember()).items;
      if (items.length === 0) await sleep(100);
    }
    expect(items).toEqual([
      expect.objectContaining({ title: 'Order MX-1001 is paid', source: 'store' }),
    ]);
  });
});
