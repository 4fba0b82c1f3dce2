import { randomBytes } from 'node:crypto';
import type { Database } from '@makrx/db';
import { desc, eq, isNull } from 'drizzle-orm';
import { exportJWK, generateKeyPair } from 'jose';
import { providerSecrets, signingKeys } from './tables';

export type PrivateJwk = Record<string, unknown> & { kid: string };

/** Creates a new RS256 signing key; from now on it signs, and older keys still verify. */
export async function rotateSigningKey(db: Database): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = `makrx-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  await db
    .insert(signingKeys)
    .values({ kid, privateJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } });
  return kid;
}

/** The keys the provider publishes, newest first (oidc-provider signs with the first). */
export async function activeSigningKeys(db: Database): Promise<PrivateJwk[]> {
  const load = () =>
    db
      .select({ jwk: signingKeys.privateJwk })
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt))
      .orderBy(desc(signingKeys.createdAt));
  let rows = await load();
  if (rows.length === 0) {
    await rotateSigningKey(db);
    rows = await load();
  }
  return rows.map((row) => row.jwk as PrivateJwk);
}

/** A secret made once and kept, so cookies stay valid across restarts and instances. */
export async function persistentSecret(db: Database, name: string): Promise<string> {
  await db
    .insert(providerSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: providerSecrets.value })
    .from(providerSecrets)
    .where(eq(providerSecrets.name, name));
  return row!.value;
}
