import type { SavedAddress, SavedAddressInput, ShippingPreferences } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { defaultShippingMethodOf, saveDefaultShippingMethod } from '../profiles/service';
import { shippingAddresses } from './tables';

type AddressRow = typeof shippingAddresses.$inferSelect;
type AddressFields = Omit<SavedAddressInput, 'isDefault'>;

const toSavedAddress = (row: AddressRow): SavedAddress => ({
  id: row.id,
  name: row.name,
  line1: row.line1,
  ...(row.line2 ? { line2: row.line2 } : {}),
  city: row.city,
  ...(row.region ? { region: row.region } : {}),
  postalCode: row.postalCode,
  country: row.country,
  ...(row.phone ? { phone: row.phone } : {}),
  isDefault: row.isDefault,
  updatedAt: row.updatedAt.toISOString(),
});

/** Columns from the validated input; optional fields left out are cleared. */
const columnsOf = (input: AddressFields) => ({
  name: input.name,
  line1: input.line1,
  line2: input.line2 || null,
  city: input.city,
  region: input.region || null,
  postalCode: input.postalCode,
  country: input.country,
  phone: input.phone || null,
});

const audit = (
  tx: Database,
  userId: string,
  requestId: string,
  action: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
) =>
  recordAudit(tx, {
    service: 'auth',
    action,
    entityType: 'shipping_address',
    entityId,
    actorId: userId,
    requestId,
    ...change,
  });

/** A user's addresses, the default first, then the oldest first. */
export async function shippingPreferencesOf(
  db: Database,
  userId: string,
): Promise<ShippingPreferences> {
  const rows = await db
    .select()
    .from(shippingAddresses)
    .where(eq(shippingAddresses.userId, userId))
    .orderBy(desc(shippingAddresses.isDefault), asc(shippingAddresses.createdAt));
  const defaultShippingMethod = await defaultShippingMethodOf(db, userId);
  return { addresses: rows.map(toSavedAddress), defaultShippingMethod };
}

/** Clears the user's current default so another address can take its place. */
async function clearDefault(tx: Database, userId: string, except?: string) {
  await tx
    .update(shippingAddresses)
    .set({ isDefault: false })
    .where(
      and(
        eq(shippingAddresses.userId, userId),
        eq(shippingAddresses.isDefault, true),
        ...(except ? [ne(shippingAddresses.id, except)] : []),
      ),
    );
}

async function hasAddresses(tx: Database, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: shippingAddresses.id })
    .from(shippingAddresses)
    .where(eq(shippingAddresses.userId, userId))
    .limit(1);
  return row !== undefined;
}

/** Saves a new address; the first one a user saves becomes their default. */
export async function addAddress(
  db: Database,
  userId: string,
  requestId: string,
  input: SavedAddressInput,
): Promise<SavedAddress> {
  return db.transaction(async (tx) => {
    const isDefault = input.isDefault === true || !(await hasAddresses(tx, userId));
    if (isDefault) await clearDefault(tx, userId);
    const [row] = await tx
      .insert(shippingAddresses)
      .values({ userId, ...columnsOf(input), isDefault })
      .returning();
    const saved = toSavedAddress(row!);
    await audit(tx, userId, requestId, 'shipping_address.added', row!.id, { after: saved });
    return saved;
  });
}

async function ownAddress(tx: Database, userId: string, id: string): Promise<AddressRow> {
  const [row] = await tx
    .select()
    .from(shippingAddresses)
    .where(and(eq(shippingAddresses.id, id), eq(shippingAddresses.userId, userId)))
    .for('update');
  if (!row) throw notFound('That address');
  return row;
}

/**
 * Replaces an address's fields. `isDefault: true` makes it the default; the default itself
 * stays one until another address is chosen, so a user with addresses always has one.
 */
export async function editAddress(
  db: Database,
  userId: string,
  requestId: string,
  id: string,
  input: SavedAddressInput,
): Promise<SavedAddress> {
  return db.transaction(async (tx) => {
    const before = toSavedAddress(await ownAddress(tx, userId, id));
    const makeDefault = input.isDefault === true && !before.isDefault;
    if (makeDefault) await clearDefault(tx, userId, id);
    const [row] = await tx
      .update(shippingAddresses)
      .set({
        ...columnsOf(input),
        ...(makeDefault ? { isDefault: true } : {}),
        updatedAt: new Date(),
      })
      .where(eq(shippingAddresses.id, id))
      .returning();
    const saved = toSavedAddress(row!);
    await audit(tx, userId, requestId, 'shipping_address.edited', id, { before, after: saved });
    return saved;
  });
}

export async function setDefaultAddress(
  db: Database,
  userId: string,
  requestId: string,
  id: string,
): Promise<SavedAddress> {
  return db.transaction(async (tx) => {
    const before = await ownAddress(tx, userId, id);
    if (before.isDefault) return toSavedAddress(before);
    await clearDefault(tx, userId, id);
    const [row] = await tx
      .update(shippingAddresses)
      .set({ isDefault: true, updatedAt: new Date() })
      .where(eq(shippingAddresses.id, id))
      .returning();
    await audit(tx, userId, requestId, 'shipping_address.made_default', id, {
      after: { isDefault: true },
    });
    return toSavedAddress(row!);
  });
}

/** Deletes an address; when it was the default, the oldest remaining one takes its place. */
export async function deleteAddress(
  db: Database,
  userId: string,
  requestId: string,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await ownAddress(tx, userId, id);
    await tx.delete(shippingAddresses).where(eq(shippingAddresses.id, id));
    if (before.isDefault) {
      const [next] = await tx
        .select({ id: shippingAddresses.id })
        .from(shippingAddresses)
        .where(eq(shippingAddresses.userId, userId))
        .orderBy(asc(shippingAddresses.createdAt))
        .limit(1);
      if (next)
        await tx
          .update(shippingAddresses)
          .set({ isDefault: true })
          .where(eq(shippingAddresses.id, next.id));
    }
    await audit(tx, userId, requestId, 'shipping_address.deleted', id, {
      before: toSavedAddress(before),
    });
  });
}

export async function setDefaultShippingMethod(
  db: Database,
  userId: string,
  requestId: string,
  method: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await defaultShippingMethodOf(tx, userId);
    await saveDefaultShippingMethod(tx, userId, method);
    await recordAudit(tx, {
      service: 'auth',
      action: 'shipping_method.default_set',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      requestId,
      before: { defaultShippingMethod: before },
      after: { defaultShippingMethod: method },
    });
  });
}
export { addressesExportOf, eraseAddresses } from './privacy';
