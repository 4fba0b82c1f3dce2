import {
  AppError,
  type OfferingInput,
  type ProviderOfferingRow,
  type ProviderSettings,
  type offeringInput,
  type providerSettingsUpdate,
} from '@makrx/contracts';
import { recordAuditBy, violates, type AuditRequester, type Database } from '@makrx/db';
import { materials } from '@makrx/quoting';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { printersWhere, type Printer } from '../equipment/service';
import { makerspaceCurrencyOf } from '../makerspaces/service';
import { printOfferings, providerSettings } from './tables';

/** The platform's share of a job unless a provider's row says otherwise: 10 %. */
export const DEFAULT_PLATFORM_FEE_BPS = 1000;
/** How long a provider has to answer an offered job unless it sets its own window. */
export const DEFAULT_RESPONSE_WINDOW_MINUTES = 120;

export const materialKeys: readonly string[] = Object.values(materials).map((m) => m.key);

type SettingsRow = typeof providerSettings.$inferSelect;
type OfferingRow = typeof printOfferings.$inferSelect;

/** Settings rows by makerspace id (a makerspace without one takes no print jobs). */
export async function settingsOf(
  db: Database,
  makerspaceIds: readonly string[],
): Promise<Map<string, SettingsRow>> {
  if (makerspaceIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(providerSettings)
    .where(inArray(providerSettings.makerspaceId, [...new Set(makerspaceIds)]));
  return new Map(rows.map((row) => [row.makerspaceId, row]));
}

const settingsAnswer = (row: SettingsRow | undefined, currency: string): ProviderSettings => ({
  takesPrintJobs: row?.takesPrintJobs ?? false,
  responseWindowMinutes: row?.responseWindowMinutes ?? DEFAULT_RESPONSE_WINDOW_MINUTES,
  location:
    row && row.latitude !== null && row.longitude !== null
      ? { latitude: row.latitude, longitude: row.longitude }
      : null,
  platformFeeBps: row?.platformFeeBps ?? DEFAULT_PLATFORM_FEE_BPS,
  currency,
});

export async function providerSettingsOf(
  db: Database,
  makerspaceId: string,
): Promise<ProviderSettings> {
  const [row] = await db
    .select()
    .from(providerSettings)
    .where(eq(providerSettings.makerspaceId, makerspaceId));
  return settingsAnswer(row, await makerspaceCurrencyOf(db, makerspaceId));
}

/** Changes the settings sent (creating the row with defaults first), audited. */
export async function updateProviderSettings(
  db: Database,
  makerspaceId: string,
  update: z.output<typeof providerSettingsUpdate>,
  actor: AuditRequester,
): Promise<ProviderSettings> {
  await db.transaction(async (tx) => {
    await tx.insert(providerSettings).values({ makerspaceId }).onConflictDoNothing();
    const [before] = await tx
      .select()
      .from(providerSettings)
      .where(eq(providerSettings.makerspaceId, makerspaceId))
      .for('update');
    const location =
      update.location === undefined
        ? {}
        : {
            latitude: update.location?.latitude ?? null,
            longitude: update.location?.longitude ?? null,
          };
    const [after] = await tx
      .update(providerSettings)
      .set({
        ...(update.takesPrintJobs === undefined ? {} : { takesPrintJobs: update.takesPrintJobs }),
        ...(update.responseWindowMinutes === undefined
          ? {}
          : { responseWindowMinutes: update.responseWindowMinutes }),
        ...location,
        updatedAt: new Date(),
      })
      .where(eq(providerSettings.makerspaceId, makerspaceId))
      .returning();
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'provider.settings-changed',
      entityType: 'makerspace',
      entityId: makerspaceId,
      before: { ...before, updatedAt: undefined },
      after: { ...after, updatedAt: undefined },
    });
  });
  return providerSettingsOf(db, makerspaceId);
}

/** Offerings as their provider and the store read them, with each machine by name and bed. */
export function offeringAnswer(
  row: OfferingRow,
  printer: Printer,
  currency: string,
): ProviderOfferingRow {
  return {
    id: row.id,
    materialKey: row.materialKey,
    quality: row.quality,
    machine: {
      equipmentId: printer.id,
      name: printer.name,
      buildVolumeMm: printer.buildVolumeMm ?? { x: 1, y: 1, z: 1 },
    },
    currency,
    pricePerKg: row.pricePerKg,
    machineHourlyRate: row.machineHourlyRate,
    setupFee: row.setupFee,
    minimumCharge: row.minimumCharge,
    leadTimeDays: row.leadTimeDays,
    defaultInfillPercent: row.defaultInfillPercent,
    quantityDiscounts: row.quantityDiscounts,
    validityHours: row.validityHours,
    active: row.active,
  };
}

/** A makerspace's offerings, by machine, material and quality. */
export async function listOfferings(
  db: Database,
  makerspaceId: string,
): Promise<ProviderOfferingRow[]> {
  const rows = await db
    .select()
    .from(printOfferings)
    .where(eq(printOfferings.makerspaceId, makerspaceId))
    .orderBy(asc(printOfferings.materialKey), asc(printOfferings.quality));
  const printers = new Map(
    (await printersWhere(db, { ids: rows.map((r) => r.equipmentId) })).map((p) => [p.id, p]),
  );
  const currency = await makerspaceCurrencyOf(db, makerspaceId);
  return rows
    .map((row) => offeringAnswer(row, printers.get(row.equipmentId)!, currency))
    .sort((a, b) => a.machine.name.localeCompare(b.machine.name));
}

/**
 * Refuses a material @makrx/quoting does not know (422 MATERIAL_UNKNOWN) and a machine that
 * is not one of the makerspace's own 3D printers in use with a build volume (422
 * OFFERING_EQUIPMENT_INVALID). Another makerspace's machine is refused the same way as a
 * missing one, so the answer tells nothing of it.
 */
async function checkOffering(db: Database, makerspaceId: string, input: OfferingInput) {
  if (!materialKeys.includes(input.materialKey)) {
    throw new AppError(
      422,
      'MATERIAL_UNKNOWN',
      `"${input.materialKey}" is not a material MakrX quotes.`,
      { known: materialKeys },
    );
  }
  const [printer] = await printersWhere(db, { ids: [input.equipmentId] });
  const refuse = (reason: string) =>
    new AppError(422, 'OFFERING_EQUIPMENT_INVALID', reason, { reason });
  if (!printer || printer.makerspaceId !== makerspaceId) {
    throw refuse('The machine is not one of this makerspace’s machines.');
  }
  if (printer.type !== '3d_printer') throw refuse(`"${printer.name}" is not a 3D printer.`);
  if (printer.archived) throw refuse(`"${printer.name}" is archived.`);
  if (!printer.buildVolumeMm) {
    throw refuse(`"${printer.name}" has no build volume in its specifications; add it first.`);
  }
}

const offeringValues = (input: z.output<typeof offeringInput>) => ({
  equipmentId: input.equipmentId,
  materialKey: input.materialKey,
  quality: input.quality,
  pricePerKg: input.pricePerKg,
  machineHourlyRate: input.machineHourlyRate,
  setupFee: input.setupFee,
  minimumCharge: input.minimumCharge,
  leadTimeDays: input.leadTimeDays,
  defaultInfillPercent: input.defaultInfillPercent,
  quantityDiscounts: input.quantityDiscounts,
  validityHours: input.validityHours,
  active: input.active,
});

const duplicate = () =>
  conflict(
    'OFFERING_EXISTS',
    'This machine already has an offering for this material at this quality.',
  );

async function oneOffering(db: Database, makerspaceId: string, id: string) {
  const found = (await listOfferings(db, makerspaceId)).find((o) => o.id === id);
  if (!found) throw notFound('Offering');
  return found;
}

export async function createOffering(
  db: Database,
  makerspaceId: string,
  input: z.output<typeof offeringInput>,
  actor: AuditRequester,
): Promise<ProviderOfferingRow> {
  await checkOffering(db, makerspaceId, input);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(printOfferings)
        .values({ makerspaceId, ...offeringValues(input) })
        .returning({ id: printOfferings.id });
      await recordAuditBy(tx, actor, {
        service: 'cave',
        action: 'provider.offering-created',
        entityType: 'print_offering',
        entityId: row!.id,
        after: input,
      });
      return row!.id;
    });
  } catch (err) {
    if (violates(err, '23505', 'print_offerings_one_per_machine')) throw duplicate();
    throw err;
  }
  return oneOffering(db, makerspaceId, id);
}

export async function updateOffering(
  db: Database,
  makerspaceId: string,
  offeringId: string,
  input: z.output<typeof offeringInput>,
  actor: AuditRequester,
): Promise<ProviderOfferingRow> {
  await checkOffering(db, makerspaceId, input);
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(printOfferings)
        .where(
          and(eq(printOfferings.id, offeringId), eq(printOfferings.makerspaceId, makerspaceId)),
        )
        .for('update');
      if (!before) throw notFound('Offering');
      await tx
        .update(printOfferings)
        .set({ ...offeringValues(input), updatedAt: new Date() })
        .where(eq(printOfferings.id, offeringId));
      await recordAuditBy(tx, actor, {
        service: 'cave',
        action: 'provider.offering-changed',
        entityType: 'print_offering',
        entityId: offeringId,
        before: { ...before, createdAt: undefined, updatedAt: undefined },
        after: input,
      });
    });
  } catch (err) {
    if (violates(err, '23505', 'print_offerings_one_per_machine')) throw duplicate();
    throw err;
  }
  return oneOffering(db, makerspaceId, offeringId);
}

/** Removes an offering; jobs routed on it keep their machine and price. */
export async function deleteOffering(
  db: Database,
  makerspaceId: string,
  offeringId: string,
  actor: AuditRequester,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(printOfferings)
      .where(and(eq(printOfferings.id, offeringId), eq(printOfferings.makerspaceId, makerspaceId)))
      .returning();
    if (!removed) throw notFound('Offering');
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'provider.offering-deleted',
      entityType: 'print_offering',
      entityId: offeringId,
      before: { ...removed, createdAt: undefined, updatedAt: undefined },
    });
  });
}
