import type {
  PurchasingAccount,
  PurchasingAccountCreate,
  PurchasingAccountUpdate,
} from '@makrx/contracts';
import { auditActor, recordAudit, violates, type Database } from '@makrx/db';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, asc, eq, gte, isNotNull } from 'drizzle-orm';
import { totalOfOpenOrders } from '../orders/service';
import { bomReorders, purchasingAccounts } from './tables';

export type AccountRow = typeof purchasingAccounts.$inferSelect;

/** Who acts and in which request, for the audit rows. */
export interface Acting {
  actorId: string | null;
  requestId?: string | null;
}

/** The first moment of the calendar month (UTC) `now` is in: limits are per month. */
export const monthStartOf = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** What the account ordered since the month began; its cancelled and refunded orders left out. */
export async function spentThisMonth(db: Database, makerspaceId: string, now = new Date()) {
  const linked = await db
    .select({ orderId: bomReorders.orderId })
    .from(bomReorders)
    .where(
      and(
        eq(bomReorders.makerspaceId, makerspaceId),
        isNotNull(bomReorders.orderId),
        gte(bomReorders.linkedAt, monthStartOf(now)),
      ),
    );
  return totalOfOpenOrders(
    db,
    linked.map((row) => row.orderId!),
  );
}

async function toAccount(db: Database, row: AccountRow): Promise<PurchasingAccount> {
  return {
    id: row.id,
    makerspaceId: row.makerspaceId,
    name: row.name,
    billingEmail: row.billingEmail,
    billingAddress: row.billingAddress,
    monthlyLimitCents: row.monthlyLimitCents,
    active: row.active,
    spentThisMonthCents: await spentThisMonth(db, row.makerspaceId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listAccounts(db: Database): Promise<PurchasingAccount[]> {
  const rows = await db.select().from(purchasingAccounts).orderBy(asc(purchasingAccounts.name));
  return Promise.all(rows.map((row) => toAccount(db, row)));
}

export async function findAccount(db: Database, id: string): Promise<PurchasingAccount> {
  const [row] = await db.select().from(purchasingAccounts).where(eq(purchasingAccounts.id, id));
  if (!row) throw notFound('The purchasing account');
  return toAccount(db, row);
}

export async function createAccount(
  db: Database,
  input: PurchasingAccountCreate,
  acting: Acting,
): Promise<PurchasingAccount> {
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(purchasingAccounts).values(input).returning();
      await audit(tx, acting, 'purchasing-account.create', created!.id, null, created!);
      return created!;
    });
    return toAccount(db, row);
  } catch (error) {
    if (!violates(error, '23505', 'purchasing_accounts_makerspace_id_unique')) throw error;
    throw conflict(
      'PURCHASING_ACCOUNT_EXISTS',
      'This makerspace already has a purchasing account.',
    );
  }
}

export async function updateAccount(
  db: Database,
  id: string,
  input: PurchasingAccountUpdate,
  acting: Acting,
): Promise<PurchasingAccount> {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(purchasingAccounts)
      .where(eq(purchasingAccounts.id, id))
      .for('update');
    if (!before) throw notFound('The purchasing account');
    const [after] = await tx
      .update(purchasingAccounts)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(purchasingAccounts.id, id))
      .returning();
    await audit(tx, acting, 'purchasing-account.update', id, before, after!);
    return after!;
  });
  return toAccount(db, row);
}

async function audit(
  tx: Database,
  acting: Acting,
  action: string,
  entityId: string,
  before: AccountRow | null,
  after: AccountRow,
) {
  await recordAudit(tx, {
    service: 'store',
    action,
    entityType: 'purchasing_account',
    entityId,
    actorId: await auditActor(tx, acting.actorId),
    before,
    after,
    requestId: acting.requestId ?? null,
  });
}

/** The makerspace's active account, or 422 NO_PURCHASING_ACCOUNT. */
export async function activeAccountOf(db: Database, makerspaceId: string): Promise<AccountRow> {
  const [row] = await db
    .select()
    .from(purchasingAccounts)
    .where(
      and(eq(purchasingAccounts.makerspaceId, makerspaceId), eq(purchasingAccounts.active, true)),
    );
  if (!row) throw noAccount();
  return row;
}

const noAccount = () =>
  new AppError(
    422,
    'NO_PURCHASING_ACCOUNT',
    'This makerspace has no active purchasing account at MakrX.Store; a store admin can open one.',
  );

/**
 * 422 MONTHLY_LIMIT_EXCEEDED when `orderCents` more would take the account past its monthly
 * limit. With `lock`, the account's row is locked first, in the transaction that records the
 * order on it, so two orders at once are counted one after the other.
 */
export async function assertWithinMonthlyLimit(
  db: Database,
  makerspaceId: string,
  orderCents: number,
  { lock = false }: { lock?: boolean } = {},
): Promise<AccountRow> {
  const query = db
    .select()
    .from(purchasingAccounts)
    .where(
      and(eq(purchasingAccounts.makerspaceId, makerspaceId), eq(purchasingAccounts.active, true)),
    );
  const [account] = lock ? await query.for('update') : await query;
  if (!account) throw noAccount();
  const spent = await spentThisMonth(db, makerspaceId);
  if (spent + orderCents > account.monthlyLimitCents) {
    throw new AppError(
      422,
      'MONTHLY_LIMIT_EXCEEDED',
      `This order of ${orderCents} cents would take the account past its monthly limit (${spent} of ${account.monthlyLimitCents} cents spent).`,
      { limitCents: account.monthlyLimitCents, spentCents: spent, orderCents },
    );
  }
  return account;
}
