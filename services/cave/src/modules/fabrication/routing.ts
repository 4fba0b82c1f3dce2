import type {
  AvailableProvider,
  RouteServiceOrderBody,
  providersAvailableQuery,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { fitsBuildVolume } from '@makrx/quoting';
import { and, avg, count, eq, inArray, isNotNull, notInArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { printersWhere, type Printer } from '../equipment/service';
import { makerspacePlacesById, openingDays, openingScheduleOf } from '../makerspaces/service';
import { busyTimesOn } from '../reservations/service';
import { offeringAnswer } from './offerings';
import { printOfferings, providerSettings, serviceJobs } from './tables';
import { distanceKm, earliestStart, freeHours, nextQuarterHour, type Interval } from './time';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** How far ahead routing looks for free machine time, whatever the due date. */
const HORIZON_DAYS = 60;

type Location = { latitude: number; longitude: number };

/** A machine takes print jobs: a 3D printer in use, with a bed to fit parts against. */
const usable = (printer: Printer | undefined): printer is Printer & { buildVolumeMm: object } =>
  !!printer &&
  printer.type === '3d_printer' &&
  !printer.archived &&
  printer.status !== 'offline' &&
  printer.buildVolumeMm !== null;

/** Customers' ratings of delivered jobs, per makerspace. */
export async function ratingsOf(db: Database, makerspaceIds: readonly string[]) {
  if (makerspaceIds.length === 0) return new Map<string, AvailableProvider['rating']>();
  const rows = await db
    .select({
      makerspaceId: serviceJobs.makerspaceId,
      average: avg(serviceJobs.rating).mapWith(Number),
      count: count(serviceJobs.rating),
    })
    .from(serviceJobs)
    .where(
      and(inArray(serviceJobs.makerspaceId, [...makerspaceIds]), isNotNull(serviceJobs.rating)),
    )
    .groupBy(serviceJobs.makerspaceId);
  return new Map(
    rows.map((row) => [
      row.makerspaceId!,
      {
        average: row.count > 0 ? Math.round(row.average * 100) / 100 : null,
        count: row.count,
      },
    ]),
  );
}

/** Open hours of a makerspace over `[from, to)` as instants, closures left out. */
async function openIntervals(
  db: Database,
  makerspaceId: string,
  from: number,
  to: number,
): Promise<Interval[]> {
  const schedule = await openingScheduleOf(db, makerspaceId);
  return openingDays(schedule, new Date(from).toISOString(), new Date(to).toISOString()).flatMap(
    (day) => day.open,
  );
}

/** The earliest start of a print on one machine, or null if none fits before `dueBy`. */
export async function earliestStartOn(
  db: Database,
  printer: { id: string; makerspaceId: string },
  minutes: number,
  dueBy: number,
  now = Date.now(),
): Promise<string | null> {
  const notBefore = nextQuarterHour(now);
  const until = Math.min(dueBy, now + HORIZON_DAYS * DAY);
  if (until <= notBefore) return null;
  const [open, busy] = await Promise.all([
    openIntervals(db, printer.makerspaceId, notBefore - DAY, until),
    busyTimesOn(
      db,
      [printer.id],
      new Date(notBefore).toISOString(),
      new Date(until + minutes * 60 * 1000).toISOString(),
    ),
  ]);
  return earliestStart({ open, busy, minutes, notBefore, dueBy: until });
}

/** One provider that qualifies for a job, with its best machine for it. */
export interface Candidate {
  makerspaceId: string;
  name: string;
  offeringId: string;
  equipmentId: string;
  machineName: string;
  startsAt: string;
  responseWindowMinutes: number;
  distanceKm: number | null;
  rating: number | null;
}

/**
 * The providers that qualify for a job, best first. Qualifying: an active offering of the
 * material at the quality, on a usable printer whose bed fits the part in some 90° turn, with
 * free time for the whole print before it is due. Order: the provider of the offering the
 * customer's quote came from first (if it qualifies), then nearest to the customer, then best
 * rated, then earliest start. Providers in `exclude` (already asked) are left out.
 */
export async function rankCandidates(
  db: Database,
  request: RouteServiceOrderBody,
  exclude: readonly string[],
  now = Date.now(),
): Promise<Candidate[]> {
  const { requirements, preferences } = request;
  const filters: SQL[] = [
    eq(printOfferings.active, true),
    eq(printOfferings.materialKey, requirements.materialKey),
    eq(printOfferings.quality, requirements.quality),
    eq(providerSettings.takesPrintJobs, true),
  ];
  if (exclude.length > 0) filters.push(notInArray(printOfferings.makerspaceId, [...exclude]));
  const offerings = await db
    .select({
      id: printOfferings.id,
      makerspaceId: printOfferings.makerspaceId,
      equipmentId: printOfferings.equipmentId,
      window: providerSettings.responseWindowMinutes,
      latitude: providerSettings.latitude,
      longitude: providerSettings.longitude,
    })
    .from(printOfferings)
    .innerJoin(providerSettings, eq(providerSettings.makerspaceId, printOfferings.makerspaceId))
    .where(and(...filters));
  const printers = new Map(
    (await printersWhere(db, { ids: offerings.map((o) => o.equipmentId) })).map((p) => [p.id, p]),
  );
  const dueBy = Date.parse(requirements.dueBy);
  const part = {
    volumeMm3: requirements.volumeMm3,
    surfaceAreaMm2: 0,
    boundingBoxMm: requirements.partSizeMm,
  };
  const best = new Map<string, Omit<Candidate, 'name' | 'rating'>>();
  for (const offering of offerings) {
    const printer = printers.get(offering.equipmentId);
    if (!usable(printer) || printer.makerspaceId !== offering.makerspaceId) continue;
    if (!fitsBuildVolume(part, { name: printer.name, buildVolumeMm: printer.buildVolumeMm! }).fits)
      continue;
    const startsAt = await earliestStartOn(db, printer, requirements.printMinutes, dueBy, now);
    if (!startsAt) continue;
    const known = best.get(offering.makerspaceId);
    const preferred = offering.id === preferences.offeringId;
    if (known && !preferred && Date.parse(known.startsAt) <= Date.parse(startsAt)) continue;
    if (known && known.offeringId === preferences.offeringId) continue;
    const location: Location | null =
      offering.latitude !== null && offering.longitude !== null
        ? { latitude: offering.latitude, longitude: offering.longitude }
        : null;
    best.set(offering.makerspaceId, {
      makerspaceId: offering.makerspaceId,
      offeringId: offering.id,
      equipmentId: printer.id,
      machineName: printer.name,
      startsAt,
      responseWindowMinutes: offering.window,
      distanceKm:
        location && preferences.location ? distanceKm(preferences.location, location) : null,
    });
  }
  const ids = [...best.keys()];
  const [places, ratings] = await Promise.all([makerspacePlacesById(db, ids), ratingsOf(db, ids)]);
  const names = new Map(places.map((p) => [p.id, p.name]));
  const preferredSpace = offerings.find((o) => o.id === preferences.offeringId)?.makerspaceId;
  return [...best.values()]
    .map((c) => ({
      ...c,
      name: names.get(c.makerspaceId) ?? '',
      rating: ratings.get(c.makerspaceId)?.average ?? null,
    }))
    .sort(
      (a, b) =>
        Number(b.makerspaceId === preferredSpace) - Number(a.makerspaceId === preferredSpace) ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        (b.rating ?? 0) - (a.rating ?? 0) ||
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        a.makerspaceId.localeCompare(b.makerspaceId),
    );
}

/**
 * The providers taking print jobs, with their active offerings on usable printers (only those
 * of the material and quality asked, if asked), their rating and free machine hours in the
 * next 14 days; nearest first when a location is given, else by name.
 */
export async function availableProviders(
  db: Database,
  query: z.output<typeof providersAvailableQuery>,
  now = Date.now(),
): Promise<AvailableProvider[]> {
  const filters: SQL[] = [
    eq(printOfferings.active, true),
    eq(providerSettings.takesPrintJobs, true),
  ];
  if (query.material) filters.push(eq(printOfferings.materialKey, query.material));
  if (query.quality) filters.push(eq(printOfferings.quality, query.quality));
  const rows = await db
    .select({ offering: printOfferings, settings: providerSettings })
    .from(printOfferings)
    .innerJoin(providerSettings, eq(providerSettings.makerspaceId, printOfferings.makerspaceId))
    .where(and(...filters));
  const printers = new Map(
    (await printersWhere(db, { ids: rows.map((r) => r.offering.equipmentId) })).map((p) => [
      p.id,
      p,
    ]),
  );
  const usableRows = rows.filter((r) => {
    const printer = printers.get(r.offering.equipmentId);
    return usable(printer) && printer.makerspaceId === r.offering.makerspaceId;
  });
  const ids = [...new Set(usableRows.map((r) => r.offering.makerspaceId))];
  const [places, ratings] = await Promise.all([makerspacePlacesById(db, ids), ratingsOf(db, ids)]);
  const from = now;
  const to = now + 14 * DAY;
  const near = query.location
    ? (() => {
        const [latitude, longitude] = query.location.split(',').map(Number) as [number, number];
        return { latitude, longitude };
      })()
    : null;
  const providers: (AvailableProvider & { distance: number })[] = [];
  for (const place of places) {
    const mine = usableRows.filter((r) => r.offering.makerspaceId === place.id);
    const settings = mine[0]!.settings;
    const machineIds = [...new Set(mine.map((r) => r.offering.equipmentId))];
    const [open, busy] = await Promise.all([
      openIntervals(db, place.id, from - DAY, to),
      busyTimesOn(db, machineIds, new Date(from).toISOString(), new Date(to).toISOString()),
    ]);
    const hours = machineIds.reduce(
      (sum, machineId) =>
        sum +
        freeHours(
          open,
          busy.filter((b) => b.equipmentId === machineId),
          from,
          to,
        ),
      0,
    );
    const freeHoursNext14Days = Math.round(hours * 10) / 10;
    if (query.capacity !== undefined && freeHoursNext14Days < query.capacity) continue;
    const location =
      settings.latitude !== null && settings.longitude !== null
        ? { latitude: settings.latitude, longitude: settings.longitude }
        : null;
    providers.push({
      makerspaceId: place.id,
      slug: place.slug,
      name: place.name,
      city: place.city,
      country: place.country,
      location,
      rating: ratings.get(place.id) ?? { average: null, count: 0 },
      responseWindowMinutes: settings.responseWindowMinutes,
      freeHoursNext14Days,
      offerings: mine
        .map((r) => {
          const { active: _active, ...offering } = offeringAnswer(
            r.offering,
            printers.get(r.offering.equipmentId)!,
            place.currency,
          );
          return offering;
        })
        .sort(
          (a, b) =>
            a.materialKey.localeCompare(b.materialKey) || a.quality.localeCompare(b.quality),
        ),
      distance: near && location ? distanceKm(near, location) : Infinity,
    });
  }
  return providers
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .map(({ distance: _distance, ...provider }) => provider);
}
