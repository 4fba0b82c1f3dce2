import { seedOnce, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { inArray, sql } from 'drizzle-orm';
import { listMachines } from '../equipment/service';
import { makerspaceIdsBySlug, openingDay, openingScheduleOf } from '../makerspaces/service';
import { reservations, type reservationStatuses } from './tables';

/** A booking as it ended up, in the past: what happened to it and when. */
export interface PastBooking {
  makerspaceId: string;
  equipmentId: string;
  userId: string;
  startsAt: string;
  endsAt: string;
  status: (typeof reservationStatuses)[number];
  checkedInAt?: string | undefined;
  checkedOutAt?: string | undefined;
  createdAt?: string | undefined;
}

/**
 * Records bookings that already happened, as check-ins, check-outs and the no-show sweep would
 * have left them (the routes only book slots in the future).
 */
export async function recordPastBookings(db: Database, bookings: readonly PastBooking[]) {
  if (bookings.length === 0) return;
  await db.insert(reservations).values(
    bookings.map((booking) => ({
      makerspaceId: booking.makerspaceId,
      equipmentId: booking.equipmentId,
      userId: booking.userId,
      during:
        sql`tstzrange(${booking.startsAt}::timestamptz, ${booking.endsAt}::timestamptz, '[)')` as never,
      status: booking.status,
      checkedInAt: booking.checkedInAt ? new Date(booking.checkedInAt) : null,
      checkedOutAt: booking.checkedOutAt ? new Date(booking.checkedOutAt) : null,
      cancelledAt: booking.status === 'cancelled' ? new Date(booking.startsAt) : null,
      createdAt: new Date(booking.createdAt ?? booking.startsAt),
    })),
  );
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bengaluru is UTC+05:30 all year. */
const IST_OFFSET = 330 * MINUTE;
const DEMO_DAYS = 30;

/** mulberry32: a small seeded generator, so every first start seeds the same month. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How busy a machine is: the print farm most, the vinyl cutter least. */
const demandOf = (type: string) =>
  ({ '3d_printer': 0.55, laser_cutter: 0.45, cnc_mill: 0.3, electronics_bench: 0.3 })[type] ?? 0.2;

/** Evenings and weekends are when members come; mornings are quiet. */
const appealOf = (localHour: number, weekend: boolean) =>
  (localHour < 12 ? 0.5 : localHour < 17 ? 0.9 : 1.3) * (weekend ? 1.4 : 1);

/**
 * One machine's bookings on one local day, one after another, between `opens` and `closes`
 * (local hours; the hub's own hours, kept to 09:00–21:00 when it is open longer).
 */
function dayOfBookings(
  random: () => number,
  dayStart: number,
  hours: { opens: number; closes: number },
  weekend: boolean,
  demand: number,
  people: readonly string[],
) {
  const day: Omit<PastBooking, 'makerspaceId' | 'equipmentId'>[] = [];
  const { opens, closes } = hours;
  let hour = opens + Math.floor(random() * 2);
  while (hour < closes - 1) {
    if (random() > demand * appealOf(hour, weekend) * 0.6) {
      hour += 1;
      continue;
    }
    const length = Math.min(1 + Math.floor(random() * 3), closes - hour);
    const startsAt = dayStart + hour * HOUR + (random() < 0.5 ? 30 * MINUTE : 0);
    const endsAt = Math.min(startsAt + length * HOUR, dayStart + closes * HOUR);
    const fate = random();
    const status = fate < 0.08 ? 'cancelled' : fate < 0.18 ? 'no_show' : 'completed';
    const checkedIn = startsAt + Math.floor(random() * 12) * MINUTE - 5 * MINUTE;
    const checkedOut = endsAt - Math.floor(random() * 25) * MINUTE;
    day.push({
      userId: people[Math.floor(random() * people.length)]!,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      status,
      checkedInAt: status === 'completed' ? new Date(checkedIn).toISOString() : undefined,
      checkedOutAt: status === 'completed' ? new Date(checkedOut).toISOString() : undefined,
      createdAt: new Date(startsAt - (1 + Math.floor(random() * 96)) * HOUR).toISOString(),
    });
    hour = Math.ceil((endsAt - dayStart) / HOUR) + Math.floor(random() * 2);
  }
  return day;
}

/**
 * The last 30 days at MakrX Hub Bengaluru as its members used them: bookings on each of its
 * machines, most checked in and out, some cancelled, about one in ten a no-show — so the
 * dashboard and analytics show something true on the first start. The month ends yesterday and
 * is the same on every first start (a seeded generator) but for the dates.
 */
export async function seedDemoBookingMonth(db: Database): Promise<void> {
  const hubId = (await makerspaceIdsBySlug(db)).get('makrx-hub-bengaluru');
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        'member@demo.makrx.org',
        'provider@demo.makrx.org',
        'spaceadmin@demo.makrx.org',
      ]),
    );
  if (!hubId || people.length === 0) return;
  // The member books most; the provider and the admin now and then.
  const bookers = people.flatMap((person) =>
    person.email.startsWith('member@') ? [person.id, person.id, person.id] : [person.id],
  );
  await seedOnce(db, 'cave:demo-booking-month', async (tx) => {
    const machines = await listMachines(tx, hubId, {});
    const schedule = await openingScheduleOf(tx, hubId);
    const random = seededRandom(2026);
    const todayStart = Math.floor((Date.now() + IST_OFFSET) / DAY) * DAY - IST_OFFSET;
    const bookings: PastBooking[] = [];
    for (let daysAgo = DEMO_DAYS; daysAgo >= 1; daysAgo--) {
      const dayStart = todayStart - daysAgo * DAY;
      const local = new Date(dayStart + IST_OFFSET);
      const weekday = local.getUTCDay();
      const [open] = openingDay(schedule, local.toISOString().slice(0, 10)).open;
      if (!open) continue;
      const hours = {
        opens: Math.max(9, Math.ceil((Date.parse(open.startsAt) - dayStart) / HOUR)),
        closes: Math.min(21, Math.floor((Date.parse(open.endsAt) - dayStart) / HOUR)),
      };
      for (const machine of machines) {
        const day = dayOfBookings(
          random,
          dayStart,
          hours,
          weekday === 0 || weekday === 6,
          demandOf(machine.type),
          bookers,
        );
        bookings.push(
          ...day.map((booking) => ({ ...booking, makerspaceId: hubId, equipmentId: machine.id })),
        );
      }
    }
    await recordPastBookings(tx, bookings);
  });
}
