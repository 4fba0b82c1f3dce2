import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProductPage } from '@makrx/contracts';
import { connectDatabase } from '@makrx/db';
import { afterAll, describe, expect, it } from 'vitest';
import { startMakrx } from './start-makrx';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-launcher-'));
const env = {
  MAKRX_DATA_DIR: dataDir,
  AUTH_API_URL: 'http://localhost:28401',
  CAVE_API_URL: 'http://localhost:28402',
  STORE_API_URL: 'http://localhost:28403',
  OIDC_ISSUER: 'http://localhost:28480/realms/makrx',
  MAKRX_EMBEDDED_IDP: 'true',
  LOG_LEVEL: 'silent',
};
const products = async () =>
  (
    (await (
      await fetch('http://localhost:28403/api/v1/products?pageSize=100')
    ).json()) as ProductPage
  ).items;

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start in embedded mode', () => {
  it('migrates and seeds the demo data on the first start', async () => {
    const makrx = await startMakrx(root, env, () => {}, { withApps: false });
    try {
      expect(await products()).toHaveLength(26);
      const space = await fetch('http://localhost:28402/api/v1/makerspaces/makrx-hub-bengaluru');
      expect(space.status).toBe(200);
      const maker = await fetch('http://localhost:28401/api/v1/profiles/ananya-rao');
      expect(maker.status).toBe(200);
      const discovery = await fetch(
        'http://localhost:28480/realms/makrx/.well-known/openid-configuration',
      );
      expect(discovery.status).toBe(200);
      for (const port of [28401, 28402, 28403]) {
        const openapi = await fetch(`http://localhost:${port}/openapi.json`);
        expect(openapi.status, `openapi of :${port}`).toBe(200);
      }
    } finally {
      await makrx.stop();
    }
  });

  it('keeps what was written on a second start, without seeding again', async () => {
    const offline = await connectDatabase({ dataDir: join(dataDir, 'db') });
    await offline.db.execute(`delete from store.products where slug = 'asa-filament-grey-1kg'`);
    await offline.db.execute(
      `update store.product_variants set stock = 7
        where product_id = (select id from store.products where slug = 'esp32-devkit-v1')`,
    );
    await offline.close();

    const makrx = await startMakrx(root, env, () => {}, { withApps: false });
    try {
      const items = await products();
      expect(items).toHaveLength(25);
      expect(items.find((p) => p.slug === 'esp32-devkit-v1')?.stock).toBe(7);
    } finally {
      await makrx.stop();
    }
  });
});
