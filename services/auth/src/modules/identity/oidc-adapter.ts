import type { Database } from '@makrx/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { oidcModels } from './tables';

/**
 * A refresh token used again within this many seconds of its rotation is honoured once more:
 * two tabs refreshing at the same moment must not sign the user out. Reuse after that is
 * treated as theft and revokes the whole grant (oidc-provider does this on `consumed`).
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;

/** oidc-provider's storage in PostgreSQL (auth.oidc_models). */
export function postgresAdapter(db: Database) {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const row = {
        model: this.model,
        id,
        payload: payload as Record<string, unknown>,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await db
        .insert(oidcModels)
        .values(row)
        .onConflictDoUpdate({ target: [oidcModels.model, oidcModels.id], set: row });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return this.findWhere(eq(oidcModels.id, id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.findWhere(eq(oidcModels.uid, uid));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.findWhere(eq(oidcModels.userCode, userCode));
    }

    async consume(id: string): Promise<void> {
      await db
        .update(oidcModels)
        .set({ consumedAt: sql`coalesce(${oidcModels.consumedAt}, now())` })
        .where(and(eq(oidcModels.model, this.model), eq(oidcModels.id, id)));
    }

    async destroy(id: string): Promise<void> {
      await db
        .delete(oidcModels)
        .where(and(eq(oidcModels.model, this.model), eq(oidcModels.id, id)));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.delete(oidcModels).where(eq(oidcModels.grantId, grantId));
    }

    private async findWhere(condition: ReturnType<typeof eq>): Promise<AdapterPayload | undefined> {
      const [row] = await db
        .select({
          payload: oidcModels.payload,
          expired: sql<boolean>`${oidcModels.expiresAt} is not null and ${oidcModels.expiresAt} <= now()`,
          consumedSecondsAgo: sql<
            number | null
          >`extract(epoch from now() - ${oidcModels.consumedAt})::float8`,
        })
        .from(oidcModels)
        .where(and(eq(oidcModels.model, this.model), condition));
      if (!row || row.expired) return undefined;
      const payload = row.payload as AdapterPayload;
      if (row.consumedSecondsAgo === null) return payload;
      const withinGrace =
        this.model === 'RefreshToken' && row.consumedSecondsAgo < REFRESH_REUSE_GRACE_SECONDS;
      return withinGrace ? payload : { ...payload, consumed: true };
    }
  };
}
