import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { Driver } from '@makrx/db';
import { startTestService, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { storeService } from '../../service';
import { products, productVariants } from './tables';

/** Sets a variant's stock as if counted on the shelf; other modules' tests set the scene with it. */
export async function setVariantStock(db: Database, sku: string, stock: number) {
  const [variant] = await db
    .update(productVariants)
    .set({ stock })
    .where(eq(productVariants.sku, sku))
    .returning({ id: productVariants.id, sku: productVariants.sku });
  if (!variant) throw new Error(`no variant ${sku}`);
  return variant;
}

/** Takes a product off sale, or puts it back. */
export async function setProductArchived(db: Database, slug: string, archived: boolean) {
  await db
    .update(products)
    .set({ archivedAt: archived ? new Date() : null })
    .where(eq(products.slug, slug));
}

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
