import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { Driver } from '@makrx/db';
import { startTestService, type TestService } from '@makrx/service-kit/testing';
import { storeService } from '../../service';

export interface CatalogAdminSetup {
  store: TestService;
  issuer: TestIssuer;
  /** Tokens: a super admin, a store admin, an admin of another domain, a customer. */
  tokens: Record<'superAdmin' | 'storeAdmin' | 'caveAdmin' | 'customer', string>;
  storeAdminId: string;
  close(): Promise<void>;
}

async function person(db: Database, issuer: TestIssuer, username: string, realmRoles: string[]) {
  const id = randomUUID();
  await db
    .insert(users)
    .values({ id, username, email: `${username}@example.com`, displayName: username });
  return { id, token: await issuer.userToken({ id, username, realmRoles }) };
}

/** The store with product images on a temporary local disk, and people in each role. */
export async function startCatalogAdminSetup(driver: Driver): Promise<CatalogAdminSetup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-catalog-'));
  const issuer = await startTestIssuer();
  const store = await startTestService(storeService, driver, {
    issuer: issuer.issuer,
    // Product images on a temporary local disk, served from a closed port.
    env: { MAKRX_DATA_DIR: dataDir, STORE_API_URL: 'http://127.0.0.1:9' },
  });
  const db = store.app.db;
  const superAdmin = await person(db, issuer, 'root', ['super_admin', 'store_customer']);
  const storeAdmin = await person(db, issuer, 'shopkeeper', [
    'admin',
    'admin:store',
    'store_customer',
  ]);
  const caveAdmin = await person(db, issuer, 'caveadmin', [
    'admin',
    'admin:cave',
    'store_customer',
  ]);
  const customer = await person(db, issuer, 'buyer', ['store_customer']);
  return {
    store,
    issuer,
    tokens: {
      superAdmin: superAdmin.token,
      storeAdmin: storeAdmin.token,
      caveAdmin: caveAdmin.token,
      customer: customer.token,
    },
    storeAdminId: storeAdmin.id,
    close: async () => {
      await store.close();
      await issuer.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
