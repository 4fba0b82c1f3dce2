import {
  AppError,
  slugFromName,
  weeklyHours,
  type MakerspaceSettings,
  type makerspaceCreate,
  type makerspaceSettingsUpdate,
} from '@makrx/contracts';
import { recordAuditBy, violates, type AuditRequester, type Database } from '@makrx/db';
import { conflict, notFound } from '@makrx/service-kit';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { describeWeeklyHours, type OpeningSchedule } from './opening-hours';
import { makerspacePhotosOf } from './photos';
import { makerspaces } from './tables';

type MakerspaceRow = typeof makerspaces.$inferSelect;

function toSettings(row: MakerspaceRow, photos: MakerspaceSettings['photos']): MakerspaceSettings {
  // Read back through the schema: the jsonb holds what it checked on the way in.
  const hours = weeklyHours.parse(row.weeklyHours);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    description: row.description,
    address: row.address,
    city: row.city,
    country: row.country,
    isPublic: row.isPublic,
    timeZone: row.timeZone,
    currency: row.currency,
    openingHours: hours,
    openingHoursText: describeWeeklyHours(hours),
    closures: row.closures,
    photos,
  };
}

/** What the audit log keeps of a change: the settings without their photos (audited apart). */
const audited = ({ photos: _photos, ...settings }: MakerspaceSettings) => settings;

/** A makerspace's settings as its admins edit them. */
export async function makerspaceSettings(
  db: Database,
  makerspaceId: string,
): Promise<MakerspaceSettings> {
  const [row] = await db.select().from(makerspaces).where(eq(makerspaces.id, makerspaceId));
  if (!row) throw notFound('Makerspace');
  return toSettings(row, await makerspacePhotosOf(db, makerspaceId));
}

/** When the makerspace is open, for booking rules and calendars (other modules ask for it). */
export async function openingScheduleOf(
  db: Database,
  makerspaceId: string,
): Promise<OpeningSchedule> {
  const [row] = await db
    .select({
      timeZone: makerspaces.timeZone,
      weeklyHours: makerspaces.weeklyHours,
      closures: makerspaces.closures,
    })
    .from(makerspaces)
    .where(eq(makerspaces.id, makerspaceId));
  if (!row) throw notFound('Makerspace');
  return { ...row, weeklyHours: weeklyHours.parse(row.weeklyHours) };
}

/**
 * Why a makerspace's currency may not change any more ("it has membership plans"), or null
 * when it may. Money is held outside this module (billing's plans and invoices), so the check
 * is handed in where the modules are wired (`makerspacesModule`) instead of read here: billing
 * already depends on makerspaces, and this way makerspaces never depends on billing. It runs
 * in the settings change's transaction, the makerspace row locked, so a plan created at the
 * same moment (which reads the currency under a share lock) waits for the change or sees it.
 */
export type CurrencyInUse = (tx: Database, makerspaceId: string) => Promise<string | null>;

/** The currency of one makerspace, optionally locked against a change until `db` commits. */
export async function makerspaceCurrencyOf(
  db: Database,
  makerspaceId: string,
  lock?: 'share',
): Promise<string> {
  const query = db
    .select({ currency: makerspaces.currency })
    .from(makerspaces)
    .where(eq(makerspaces.id, makerspaceId));
  const [row] = await (lock ? query.for(lock) : query);
  if (!row) throw notFound('Makerspace');
  return row.currency;
}

/** Refuses a currency change the makerspace's money already depends on (409 CURRENCY_IN_USE). */
async function assertCurrencyMayChange(
  tx: Database,
  before: MakerspaceRow,
  currency: string | undefined,
  currencyInUse: CurrencyInUse,
) {
  if (currency === undefined || currency === before.currency) return;
  const reason = await currencyInUse(tx, before.id);
  if (reason === null) return;
  throw conflict(
    'CURRENCY_IN_USE',
    `The currency stays ${before.currency}: this makerspace ${reason}, which are in ${before.currency}.`,
    { currency: before.currency, reason },
  );
}

/** Changes the settings sent, audited with what they were and became, in one transaction. */
export async function updateMakerspaceSettings(
  db: Database,
  makerspaceId: string,
  update: z.output<typeof makerspaceSettingsUpdate>,
  actor: AuditRequester,
  currencyInUse: CurrencyInUse,
): Promise<MakerspaceSettings> {
  const { openingHours, ...fields } = update;
  const photos = await makerspacePhotosOf(db, makerspaceId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(makerspaces)
      .where(eq(makerspaces.id, makerspaceId))
      .for('update');
    if (!before) throw notFound('Makerspace');
    await assertCurrencyMayChange(tx, before, fields.currency, currencyInUse);
    const [after] = await tx
      .update(makerspaces)
      .set({ ...fields, ...(openingHours ? { weeklyHours: openingHours } : {}) })
      .where(eq(makerspaces.id, makerspaceId))
      .returning();
    const settings = toSettings(after!, photos);
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action: 'makerspace.settings-changed',
      entityType: 'makerspace',
      entityId: makerspaceId,
      before: audited(toSettings(before, photos)),
      after: audited(settings),
    });
    return settings;
  });
}

/**
 * Creates a makerspace (super admins and MakrCave admins); its slug is the one given or comes
 * from its name. `founding` runs in the same transaction with the new makerspace's id: the
 * route makes its creator its admin there, so it is theirs to run from the start.
 */
export async function createMakerspace(
  db: Database,
  input: z.output<typeof makerspaceCreate>,
  actor: AuditRequester,
  founding: (tx: Database, makerspaceId: string) => Promise<void> = async () => undefined,
): Promise<MakerspaceSettings> {
  const { slug: chosenSlug, openingHours, ...fields } = input;
  const slug = chosenSlug ?? slugFromName(input.name);
  if (slug.length < 2) {
    throw new AppError(400, 'VALIDATION_FAILED', 'The name needs letters or digits for its link.', [
      { location: 'body', field: 'name', message: 'has letters or digits' },
    ]);
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(makerspaces)
        .values({ ...fields, slug, weeklyHours: openingHours })
        .returning();
      await founding(tx, row!.id);
      const settings = toSettings(row!, []);
      await recordAuditBy(tx, actor, {
        service: 'cave',
        action: 'makerspace.created',
        entityType: 'makerspace',
        entityId: row!.id,
        after: audited(settings),
      });
      return settings;
    });
  } catch (err) {
    if (violates(err, '23505', 'makerspaces_slug_unique')) {
      throw conflict('SLUG_TAKEN', `A makerspace already has the link "${slug}"; choose another.`, {
        slug,
      });
    }
    throw err;
  }
}
