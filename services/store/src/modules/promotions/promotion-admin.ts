import type { AdminPromotion, PromotionCreate, PromotionUpdate } from '@makrx/contracts';
import { recordAudit, violates, type Database } from '@makrx/db';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { categoriesNamed } from '../catalog/service';
import { promotionCategories, promotions } from './tables';

/** Who changes the codes, for the audit log. */
export interface Actor {
  userId: string;
  requestId: string;
}

type PromotionRow = typeof promotions.$inferSelect;

async function categoryIdsOf(db: Database, slugs: readonly string[]): Promise<string[]> {
  const found = await categoriesNamed(db, { slugs });
  const missing = slugs.filter((slug) => !found.some((c) => c.slug === slug));
  if (missing.length > 0) {
    throw new AppError(422, 'UNKNOWN_CATEGORY', `There is no category "${missing[0]}".`, {
      field: 'categorySlugs',
    });
  }
  return found.map((c) => c.id);
}

async function toAdminPromotions(db: Database, rows: PromotionRow[]): Promise<AdminPromotion[]> {
  const links =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(promotionCategories)
          .where(
            inArray(
              promotionCategories.promotionId,
              rows.map((r) => r.id),
            ),
          );
  const named = new Map(
    (await categoriesNamed(db, { ids: links.map((l) => l.categoryId) })).map((c) => [c.id, c]),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind,
    value: row.value,
    currency: row.currency,
    minSubtotalCents: row.minSubtotalCents,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    usageLimit: row.usageLimit,
    perBuyerLimit: row.perBuyerLimit,
    used: row.used,
    status: row.status,
    categories: links
      .filter((l) => l.promotionId === row.id)
      .map((l) => named.get(l.categoryId)!)
      .map(({ slug, name }) => ({ slug, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Every code, the newest first, archived ones too. */
export async function listPromotions(db: Database): Promise<AdminPromotion[]> {
  const rows = await db.select().from(promotions).orderBy(desc(promotions.createdAt));
  return toAdminPromotions(db, rows);
}

export async function findPromotion(db: Database, id: string): Promise<AdminPromotion> {
  const [row] = await db.select().from(promotions).where(eq(promotions.id, id));
  if (!row) throw notFound('The discount code');
  return (await toAdminPromotions(db, [row]))[0]!;
}

/** The database's refusals as answers a store admin can act on. */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (violates(error, '23505', 'promotions_code_unique')) {
      throw conflict('CODE_TAKEN', 'Another discount code already reads like this one.', {
        field: 'code',
      });
    }
    if (violates(error, '23514', 'promotions_used_within_limit')) {
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        'The usage limit cannot be below the uses the code already has.',
        [{ field: 'usageLimit', message: 'below the uses already made' }],
      );
    }
    if (violates(error, '23514', 'promotions_value_range')) {
      throw new AppError(422, 'VALIDATION_FAILED', 'A percentage is at most 100.', [
        { field: 'value', message: 'a percentage is at most 100' },
      ]);
    }
    if (violates(error, '23514', 'promotions_validity_order')) {
      throw new AppError(422, 'VALIDATION_FAILED', 'The end must come after the start.', [
        { field: 'validUntil', message: 'must be after validFrom' },
      ]);
    }
    throw error;
  }
}

async function linkCategories(tx: Database, promotionId: string, slugs: readonly string[]) {
  const ids = await categoryIdsOf(tx, slugs);
  await tx.delete(promotionCategories).where(eq(promotionCategories.promotionId, promotionId));
  if (ids.length > 0) {
    await tx
      .insert(promotionCategories)
      .values(ids.map((categoryId) => ({ promotionId, categoryId })));
  }
}

const auditOf = (actor: Actor) => ({
  service: 'store' as const,
  actorId: actor.userId,
  requestId: actor.requestId,
  entityType: 'promotion',
});

export async function createPromotion(
  db: Database,
  actor: Actor,
  input: PromotionCreate,
): Promise<AdminPromotion> {
  const id = await writing(() =>
    db.transaction(async (tx) => {
      const { categorySlugs, validFrom, validUntil, ...fields } = input;
      const [created] = await tx
        .insert(promotions)
        .values({
          ...fields,
          ...(validFrom ? { validFrom: new Date(validFrom) } : {}),
          validUntil: validUntil ? new Date(validUntil) : null,
        })
        .returning();
      await linkCategories(tx, created!.id, categorySlugs);
      await recordAudit(tx, {
        ...auditOf(actor),
        action: 'promotion.create',
        entityId: created!.id,
        after: input,
      });
      return created!.id;
    }),
  );
  return findPromotion(db, id);
}

export async function updatePromotion(
  db: Database,
  actor: Actor,
  id: string,
  input: PromotionUpdate,
): Promise<AdminPromotion> {
  await writing(() =>
    db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(promotions)
        .where(eq(promotions.id, id))
        .for('update');
      if (!before) throw notFound('The discount code');
      const { categorySlugs, validFrom, validUntil, ...fields } = input;
      const [after] = await tx
        .update(promotions)
        .set({
          ...fields,
          ...(validFrom !== undefined ? { validFrom: new Date(validFrom) } : {}),
          ...(validUntil !== undefined
            ? { validUntil: validUntil === null ? null : new Date(validUntil) }
            : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(promotions.id, id))
        .returning();
      if (categorySlugs !== undefined) await linkCategories(tx, id, categorySlugs);
      await recordAudit(tx, {
        ...auditOf(actor),
        action:
          input.status === 'archived' && before.status !== 'archived'
            ? 'promotion.archive'
            : 'promotion.update',
        entityId: id,
        before,
        after: { ...after, ...(categorySlugs !== undefined ? { categorySlugs } : {}) },
      });
    }),
  );
  return findPromotion(db, id);
}
