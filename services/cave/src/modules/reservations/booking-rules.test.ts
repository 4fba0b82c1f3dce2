import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Reservation } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo } from '../memberships/testing';
import { reservations } from './tables';

type Method = 'GET' | 'POST' | 'PATCH';

const BERLIN = 'Europe/Berlin';
const SPACE = 'spree-werkstatt';
const equipment = `/api/v1/makerspaces/${SPACE}/equipment`;
const bookingsOf = (machine: string) => `${equipment}/${machine}/reservations`;
const nineToSix = [{ opens: '09:00', closes: '18:00' }];

/** `HH:MM`–`HH:MM` on a local date in Berlin, as the instants a client sends. */
const berlin = (date: string, from: string, to: string) => ({
  startsAt: DateTime.fromISO(`${date}T${from}`, { zone: BERLIN }).toUTC().toISO()!,
  endsAt: DateTime.fromISO(`${date}T${to}`, { zone: BERLIN }).toUTC().toISO()!,
});
/** The local date `days` from today in Berlin. */
const daysAhead = (days: number) => DateTime.now().setZone(BERLIN).plus({ days }).toISODate()!;

/** The next Sunday that ends summer time in Berlin (the last Sunday of October), days away. */
function nextAutumnChange(): string {
  const today = DateTime.now().setZone(BERLIN);
  for (const year of [today.year, today.year + 1]) {
    let day = DateTime.fromObject({ year, month: 10, day: 31 }, { zone: BERLIN });
    while (day.weekday !== 7) day = day.minus({ days: 1 });
    if (day > today.plus({ days: 2 })) return day.toISODate()!;
  }
  throw new Error('unreachable: a last Sunday of October lies within a year');
}

describe.each(testDrivers)('booking rules in the makerspace’s time zone over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};

  const call = async (method: Method, url: string, as?: string, body?: unknown) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const bookingCount = async () =>
    (await cave.app.db.select({ id: reservations.id }).from(reservations)).length;
  const refusal = async (machine: string, slot: object) => {
    const before = await bookingCount();
    const refused = await call('POST', bookingsOf(machine), 'member', slot);
    expect(await bookingCount()).toBe(before);
    return refused;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    tokens.root = await issuer.userToken({ username: 'root', realmRoles: ['super_admin'] });
    const created = await call('POST', '/api/v1/makerspaces', 'root', {
      name: 'Spree Werkstatt',
      address: 'Holzmarktstraße 25, 10243 Berlin',
      city: 'Berlin',
      country: 'Germany',
      timeZone: BERLIN,
      openingHours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, nineToSix]),
      ),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const [username, role] of [
      ['admin', 'makerspace_admin'],
      ['member', 'member'],
    ] as const) {
      const id = await addMemberTo(cave.app.db, SPACE, `spree-${username}`, role);
      tokens[username] = await issuer.userToken({ id, username, realmRoles: [] });
    }
    const machines = [
      { slug: 'laser', name: 'Laser cutter', maxBookingMinutes: 120, maxDaysAhead: 365 },
      { slug: 'mill', name: 'CNC mill', minLeadMinutes: 3 * 24 * 60, maxDaysAhead: 30 },
    ];
    for (const machine of machines) {
      const added = await call('POST', equipment, 'admin', {
        type: 'other',
        hourlyRateCents: 900,
        ...machine,
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('books 09:00–10:00 local across the autumn change and refuses 08:00 on each day', async () => {
    const sunday = nextAutumnChange();
    const saturday = DateTime.fromISO(sunday).minus({ days: 1 }).toISODate()!;
    const monday = DateTime.fromISO(sunday).plus({ days: 1 }).toISODate()!;
    const booked: Reservation[] = [];
    for (const date of [saturday, sunday, monday]) {
      const response = await call(
        'POST',
        bookingsOf('laser'),
        'member',
        berlin(date, '09:00', '10:00'),
      );
      expect(response.status, `${date} ${JSON.stringify(response.body)}`).toBe(201);
      booked.push(response.body);
    }
    // Summer time on Saturday (UTC+2), winter time from Sunday 03:00 (UTC+1): the same local
    // hour is a different instant.
    expect(booked.map((b) => b.startsAt.slice(11, 16))).toEqual(['07:00', '08:00', '08:00']);

    for (const date of [saturday, sunday, monday]) {
      const early = await refusal('laser', berlin(date, '08:00', '09:00'));
      expect(early.status, date).toBe(422);
      expect(early.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
      expect(early.body.error.message).toContain('09:00–18:00 (Europe/Berlin)');
    }
    // 08:00 on the Sunday is 07:00 UTC, the instant Saturday opened at: still refused.
    expect(berlin(sunday, '08:00', '09:00').startsAt).toBe(
      booked[0]!.startsAt.replace(saturday, sunday),
    );
    const late = await refusal('laser', berlin(monday, '17:30', '18:30'));
    expect(late.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
  });

  it('refuses a day the makerspace is closed for, naming why', async () => {
    const closed = daysAhead(5);
    const patched = await call('PATCH', `/api/v1/makerspaces/${SPACE}/settings`, 'admin', {
      closures: [{ startsOn: closed, endsOn: closed, reason: 'Staff training day' }],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const refused = await refusal('laser', berlin(closed, '10:00', '11:00'));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'MAKERSPACE_CLOSED',
      details: { closure: { startsOn: closed, reason: 'Staff training day' } },
    });
    expect(refused.body.error.message).toContain('Staff training day');
    const nextDay = await call(
      'POST',
      bookingsOf('laser'),
      'member',
      berlin(daysAhead(6), '10:00', '11:00'),
    );
    expect(nextDay.status).toBe(201);
  });

  it('refuses beyond each machine’s limits with the code and the limit in words', async () => {
    const tooLong = await refusal('laser', berlin(daysAhead(7), '10:00', '13:00'));
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({
      code: 'BOOKING_TOO_LONG',
      message: '"Laser cutter" can be booked for at most 2 hours at a time.',
      details: { maxBookingMinutes: 120 },
    });
    const tooSoon = await refusal('mill', berlin(daysAhead(2), '10:00', '11:00'));
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error).toMatchObject({
      code: 'BOOKING_TOO_SOON',
      message: '"CNC mill" must be booked at least 3 days before the start.',
    });
    const tooFar = await refusal('mill', berlin(daysAhead(40), '10:00', '11:00'));
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error).toMatchObject({
      code: 'BOOKING_TOO_FAR_AHEAD',
      message: '"CNC mill" can be booked at most 30 days ahead.',
    });
    expect(
      (await call('POST', bookingsOf('mill'), 'member', berlin(daysAhead(10), '10:00', '11:00')))
        .status,
    ).toBe(201);
  });

  it('lets the admin change a machine’s limits through its update, within sane bounds', async () => {
    const url = `${equipment}/laser`;
    const changed = await call('PATCH', url, 'admin', {
      maxBookingMinutes: 240,
      minLeadMinutes: 30,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      maxBookingMinutes: 240,
      minLeadMinutes: 30,
      maxDaysAhead: 365,
    });
    const longer = await call(
      'POST',
      bookingsOf('laser'),
      'member',
      berlin(daysAhead(8), '10:00', '13:00'),
    );
    expect(longer.status).toBe(201);
    for (const body of [{ maxBookingMinutes: 5 }, { minLeadMinutes: -1 }, { maxDaysAhead: 0 }]) {
      const refused = await call('PATCH', url, 'admin', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details[0].field).toBe(Object.keys(body)[0]);
    }
    expect((await call('PATCH', url, 'member', { maxBookingMinutes: 600 })).status).toBe(403);
  });
});
