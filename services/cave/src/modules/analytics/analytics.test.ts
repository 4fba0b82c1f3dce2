import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MakerspaceAnalytics } from '@makrx/contracts';
import { featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo } from '../memberships/testing';
import { recordPastBookings, type PastBooking } from '../reservations/testing';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const HOUR = 60 * 60 * 1000;
/** A week of March 2025 in Bengaluru (UTC+05:30), Monday to Sunday. */
const WEEK = { from: '2025-03-03', to: '2025-03-09' };
const PERIOD_START = Date.parse('2025-03-03T00:00:00+05:30');
const PERIOD_END = Date.parse('2025-03-10T00:00:00+05:30');
const analyticsOf = (space: string, period = WEEK) =>
  `/api/v1/makerspaces/${space}/analytics?from=${period.from}&to=${period.to}`;
const csvOf = (table: string, space = HUB) =>
  `/api/v1/makerspaces/${space}/analytics/${table}.csv?from=${WEEK.from}&to=${WEEK.to}`;
const ist = (local: string) => new Date(`${local}+05:30`).toISOString();

type Seeded = Omit<PastBooking, 'makerspaceId' | 'equipmentId' | 'userId'> & {
  machine: string;
  who: string;
};

/** What happened that week: bookings used, missed, cancelled, and across both ends of it. */
const week: Seeded[] = [
  {
    machine: 'analytics-laser',
    who: 'hubMember',
    startsAt: ist('2025-03-03T10:00'),
    endsAt: ist('2025-03-03T12:00'),
    status: 'completed',
    checkedInAt: ist('2025-03-03T10:05'),
    checkedOutAt: ist('2025-03-03T11:50'),
  },
  {
    machine: 'analytics-laser',
    who: 'hubProvider',
    startsAt: ist('2025-03-04T14:00'),
    endsAt: ist('2025-03-04T15:30'),
    status: 'completed',
    checkedInAt: ist('2025-03-04T14:00'),
    checkedOutAt: ist('2025-03-04T15:30'),
  },
  {
    machine: 'analytics-laser',
    who: 'hubMember',
    startsAt: ist('2025-03-05T18:00'),
    endsAt: ist('2025-03-05T19:00'),
    status: 'no_show',
  },
  {
    machine: 'analytics-laser',
    who: 'hubMember',
    startsAt: ist('2025-03-06T10:00'),
    endsAt: ist('2025-03-06T11:00'),
    status: 'cancelled',
  },
  {
    machine: 'analytics-printer',
    who: 'hubMember',
    startsAt: ist('2025-03-02T23:00'),
    endsAt: ist('2025-03-03T01:00'),
    status: 'no_show',
  },
  {
    machine: 'analytics-printer',
    who: 'hubMember',
    startsAt: ist('2025-03-07T09:30'),
    endsAt: ist('2025-03-07T11:00'),
    status: 'completed',
    checkedInAt: ist('2025-03-07T09:40'),
    checkedOutAt: ist('2025-03-07T10:40'),
  },
  {
    machine: 'analytics-printer',
    who: 'hubProvider',
    startsAt: ist('2025-03-09T22:00'),
    endsAt: ist('2025-03-10T02:00'),
    status: 'completed',
    checkedInAt: ist('2025-03-09T22:00'),
    checkedOutAt: ist('2025-03-10T01:30'),
  },
  {
    machine: 'pune-laser',
    who: 'puneMember',
    startsAt: ist('2025-03-04T10:00'),
    endsAt: ist('2025-03-04T14:00'),
    status: 'completed',
    checkedInAt: ist('2025-03-04T10:00'),
    checkedOutAt: ist('2025-03-04T14:00'),
  },
];

/** Hours of [start, end) inside the week. */
const hoursInWeek = (start: number, end: number) =>
  Math.max(0, Math.min(end, PERIOD_END) - Math.max(start, PERIOD_START)) / HOUR;

/** Utilisation as a person would work it out from the seeded facts, one booking at a time. */
function expectedHours(machine: string, who?: string) {
  let booked = 0;
  let used = 0;
  for (const b of week) {
    if (b.machine !== machine || b.status === 'cancelled' || (who && b.who !== who)) continue;
    booked += hoursInWeek(Date.parse(b.startsAt), Date.parse(b.endsAt));
    if (b.checkedInAt && b.checkedOutAt)
      used += hoursInWeek(Date.parse(b.checkedInAt), Date.parse(b.checkedOutAt));
  }
  return { booked, used };
}

describe.each(testDrivers)('MakrCave analytics over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = async (url: string, as?: string) => {
    const response = await cave.app.inject({
      method: 'GET',
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      json: () => response.json(),
    };
  };
  const analytics = async (as: string, space = HUB): Promise<MakerspaceAnalytics> => {
    const answer = await call(analyticsOf(space), as);
    expect(answer.status, answer.text).toBe(200);
    return answer.json();
  };
  const turnAdvancedAnalytics = async (enabled: boolean) => {
    const [hub] = (
      await cave.app.db.execute<{ id: string }>(
        sql`select id from makrcave.makerspaces where slug = ${HUB}`,
      )
    ).rows;
    await cave.app.db
      .insert(featureFlagMakerspaceOverrides)
      .values({ flagKey: 'ENABLE_ADVANCED_ANALYTICS', makerspaceId: hub!.id, enabled })
      .onConflictDoUpdate({
        target: [
          featureFlagMakerspaceOverrides.flagKey,
          featureFlagMakerspaceOverrides.makerspaceId,
        ],
        set: { enabled },
      });
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubProvider: [HUB, 'service_provider'],
      hubMember: [HUB, 'member'],
      puneMember: [PUNE, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
    } as const;
    for (const [username, [space, role]] of Object.entries(people)) {
      ids[username] = await addMemberTo(cave.app.db, space, username, role);
      tokens[username] = await issuer.userToken({ id: ids[username], username, realmRoles: [] });
    }
    tokens.loner = await issuer.userToken({ username: 'loner', realmRoles: [] });
    // The hub opens every day 09:00–21:00 for this test: twelve hours a day to measure against.
    const daily = [{ opens: '09:00', closes: '21:00' }];
    const hours = await cave.app.inject({
      method: 'PATCH',
      url: `/api/v1/makerspaces/${HUB}/settings`,
      headers: { authorization: `Bearer ${tokens.hubAdmin}` },
      payload: {
        timeZone: 'Asia/Kolkata',
        openingHours: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, daily]),
        ),
      },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    for (const [space, slug, as] of [
      [HUB, 'analytics-laser', 'hubAdmin'],
      [HUB, 'analytics-printer', 'hubAdmin'],
      [PUNE, 'pune-laser', 'puneAdmin'],
    ] as const) {
      const created = await cave.app.inject({
        method: 'POST',
        url: `/api/v1/makerspaces/${space}/equipment`,
        headers: { authorization: `Bearer ${tokens[as]}` },
        payload: { name: `Analytics ${slug}`, slug, type: 'laser_cutter', hourlyRateCents: 500 },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const machines = await cave.app.db.execute<{ id: string; slug: string; makerspace_id: string }>(
      sql`select id, slug, makerspace_id from makrcave.equipment where slug like '%laser' or slug like 'analytics-%'`,
    );
    const machine = (slug: string) => machines.rows.find((row) => row.slug === slug)!;
    await recordPastBookings(
      cave.app.db,
      week.map(({ machine: slug, who, ...booking }) => ({
        ...booking,
        makerspaceId: machine(slug).makerspace_id,
        equipmentId: machine(slug).id,
        userId: ids[who]!,
      })),
    );
    await cave.app.db
      .insert(featureFlags)
      .values({
        key: 'ENABLE_ADVANCED_ANALYTICS',
        scope: 'makerspace',
        domain: 'cave',
        description: 'The advanced analytics dashboard of a makerspace.',
        // On only where a makerspace turns it on: no rollout to anyone else.
        enabled: true,
        rolloutPercentage: 0,
      })
      .onConflictDoUpdate({
        target: featureFlags.key,
        set: { enabled: true, rolloutPercentage: 0 },
      });
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it("shows the admin each machine's booked and used hours against the week's open hours, as the bookings say", async () => {
    const answer = await analytics('hubAdmin');
    expect(answer).toMatchObject({
      scope: 'makerspace',
      timeZone: 'Asia/Kolkata',
      advanced: false,
    });
    // Open every day 09:00–21:00: seven days of twelve hours.
    expect(answer.openHours).toBe(84);
    for (const slug of ['analytics-laser', 'analytics-printer']) {
      const { booked, used } = expectedHours(slug);
      const row = answer.utilisation.find((r) => r.machineSlug === slug)!;
      expect(row.bookedHours).toBeCloseTo(booked, 2);
      expect(row.usedHours).toBeCloseTo(used, 2);
      expect(row.bookedShare).toBeCloseTo(booked / 84, 3);
      expect(row.usedShare).toBeCloseTo(used / 84, 3);
    }
    expect(answer.utilisation.map((r) => r.machineSlug)).not.toContain('pune-laser');
    // The demo machines had no bookings that week.
    const idle = answer.utilisation.find((r) => r.machineSlug === 'prusa-mk4-1');
    expect(idle).toMatchObject({ bookedHours: 0, usedHours: 0 });
  });

  it('counts no-shows among the bookings that ended, and leaves the advanced views out while the flag is off', async () => {
    const answer = await analytics('hubAdmin');
    // Ended in the week: the laser's three (one missed) and two printer bookings (one missed);
    // the printer's last booking ends after the week, the cancelled one never counts.
    expect(answer.noShows.overall).toEqual({ endedBookings: 5, noShows: 2, rate: 0.4 });
    expect(answer.noShows.byMachine).toBeNull();
    expect(answer.busiestHours).toBeNull();
    expect(answer.revenue).toBeNull();
    const heat = await call(csvOf('busiest-hours'), 'hubAdmin');
    expect(heat.status).toBe(404);
    expect(heat.json().error.code).toBe('FEATURE_DISABLED');
  });

  it('with advanced analytics on: no-shows per machine, the heat map in local hours, no revenue yet', async () => {
    await turnAdvancedAnalytics(true);
    const answer = await analytics('hubAdmin');
    expect(answer.advanced).toBe(true);
    const laser = answer.noShows.byMachine!.find((r) => r.machineSlug === 'analytics-laser');
    expect(laser).toMatchObject({ endedBookings: 3, noShows: 1 });
    expect(laser!.rate).toBeCloseTo(1 / 3, 3);
    const cell = (weekday: number, hour: number) =>
      answer.busiestHours!.find((c) => c.weekday === weekday && c.hour === hour)?.bookedHours ?? 0;
    // Monday: the laser 10:00–12:00, and the printer's no-show from the night before, 00:00–01:00.
    expect([cell(1, 0), cell(1, 10), cell(1, 11), cell(1, 12)]).toEqual([1, 1, 1, 0]);
    // Tuesday 14:00–15:30 (Pune's booking that day is not the hub's); Friday 09:30–11:00.
    expect([cell(2, 14), cell(2, 15), cell(2, 10)]).toEqual([1, 0.5, 0]);
    expect([cell(5, 9), cell(5, 10)]).toEqual([0.5, 1]);
    const total = answer.busiestHours!.reduce((sum, c) => sum + c.bookedHours, 0);
    const booked = answer.utilisation.reduce((sum, r) => sum + r.bookedHours, 0);
    expect(total).toBeCloseTo(booked, 2);
    expect(answer.revenue).toEqual([]);
    await turnAdvancedAnalytics(false);
  });

  it("shows the month's invoices as revenue, to those who run the makerspace only", async () => {
    const post = async (url: string, body: object) => {
      const response = await cave.app.inject({
        method: 'POST',
        url: `/api/v1/makerspaces/${HUB}/billing/${url}`,
        headers: { authorization: `Bearer ${tokens.hubAdmin}` },
        payload: body,
      });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json();
    };
    const plan = await post('plans', {
      name: 'Analytics plan',
      interval: 'monthly',
      priceCents: 150_000,
      includedHours: 0,
    });
    await post('subscriptions', { userId: ids.hubMember, planId: plan.id, startsOn: '2025-03-01' });
    await post('invoices/run', { month: '2025-03' });
    const listed = await cave.app.inject({
      method: 'GET',
      url: `/api/v1/makerspaces/${HUB}/billing/invoices`,
      headers: { authorization: `Bearer ${tokens.hubAdmin}` },
    });
    const march = (listed.json().items as { periodStart: string; totalCents: number }[]).filter(
      (invoice) => invoice.periodStart.startsWith('2025-03'),
    );
    expect(march).toHaveLength(1);

    await turnAdvancedAnalytics(true);
    expect((await analytics('hubAdmin')).revenue).toEqual([
      { month: '2025-03', invoicedCents: march[0]!.totalCents, currency: 'INR' },
    ]);
    // A service provider's view is their own bookings: the makerspace's income is not in it.
    expect((await analytics('hubProvider')).revenue).toEqual([]);
    await turnAdvancedAnalytics(false);
  });

  it('counts active and new members per month', async () => {
    const march = await analytics('hubAdmin');
    // Booked (each booking was made at its start) or checked in during March 2025: the member
    // and the provider; nobody joined then.
    expect(march.members).toEqual([{ month: '2025-03', activeMembers: 2, newMembers: 0 }]);

    // Without a period: the last 30 days up to today in Bengaluru, whatever the server's zone.
    const today = new Date(Date.now() + 5.5 * HOUR).toISOString().slice(0, 10);
    const recent = await call(`/api/v1/makerspaces/${HUB}/analytics`, 'hubAdmin');
    expect(recent.json()).toMatchObject({
      today,
      to: today,
      from: new Date(Date.parse(today) - 29 * 24 * HOUR).toISOString().slice(0, 10),
      openHours: 30 * 12,
    });
    const now = await call(analyticsOf(HUB, { from: today, to: today }), 'hubAdmin');
    const [joined] = (
      await cave.app.db.execute<{ count: number }>(
        sql`select count(distinct user_id)::int as count from makrcave.memberships m join makrcave.makerspaces s on s.id = m.makerspace_id where s.slug = ${HUB}`,
      )
    ).rows;
    expect(now.json().members).toEqual([
      { month: today.slice(0, 7), activeMembers: 0, newMembers: joined!.count },
    ]);
  });

  it("shows a service provider their own bookings only, without the makerspace's member counts", async () => {
    const answer = await analytics('hubProvider');
    expect(answer.scope).toBe('own-bookings');
    expect(answer.members).toBeNull();
    for (const slug of ['analytics-laser', 'analytics-printer']) {
      const { booked, used } = expectedHours(slug, 'hubProvider');
      const row = answer.utilisation.find((r) => r.machineSlug === slug)!;
      expect(row.bookedHours).toBeCloseTo(booked, 2);
      expect(row.usedHours).toBeCloseTo(used, 2);
    }
    expect(answer.noShows.overall).toEqual({ endedBookings: 1, noShows: 0, rate: 0 });
    expect((await call(csvOf('members'), 'hubProvider')).status).toBe(403);
  });

  it('downloads each table as a CSV that parses back to the same numbers', async () => {
    const answer = await analytics('hubAdmin');
    const download = await call(csvOf('utilisation'), 'hubAdmin');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${HUB}-utilisation-2025-03-03-to-2025-03-09.csv"`,
    );
    const rows: Record<string, string>[] = parse(download.text, { columns: true });
    expect(rows).toHaveLength(answer.utilisation.length);
    for (const row of answer.utilisation) {
      const line = rows.find((r) => r.Machine === row.machineName)!;
      expect(Number(line['Booked hours'])).toBe(row.bookedHours);
      expect(Number(line['Used hours'])).toBe(row.usedHours);
      expect(Number(line['Open hours'])).toBe(84);
      expect(Number(line['Booked %'])).toBeCloseTo(row.bookedShare * 100, 2);
    }

    const members = parse((await call(csvOf('members'), 'hubAdmin')).text, { columns: true });
    expect(members).toEqual([{ Month: '2025-03', 'Active members': '2', 'New members': '0' }]);
    const noShows = parse((await call(csvOf('no-shows'), 'hubAdmin')).text, { columns: true });
    expect(noShows).toEqual([
      { Machine: 'All machines', 'Ended bookings': '5', 'No-shows': '2', 'No-show %': '40' },
    ]);
  });

  it('escapes machine names with commas and quotes in the CSV, and keeps formulas as text', async () => {
    const created = await cave.app.inject({
      method: 'POST',
      url: `/api/v1/makerspaces/${HUB}/equipment`,
      headers: { authorization: `Bearer ${tokens.hubAdmin}` },
      payload: {
        name: 'Laser "Big", 100 W',
        slug: 'laser-big',
        type: 'laser_cutter',
        hourlyRateCents: 900,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const rows: Record<string, string>[] = parse(
      (await call(csvOf('utilisation'), 'hubAdmin')).text,
      { columns: true },
    );
    expect(rows.map((r) => r.Machine)).toContain('Laser "Big", 100 W');
    const formula = await cave.app.inject({
      method: 'POST',
      url: `/api/v1/makerspaces/${HUB}/equipment`,
      headers: { authorization: `Bearer ${tokens.hubAdmin}` },
      payload: {
        name: '=HYPERLINK("http://evil")',
        slug: 'formula',
        type: 'other',
        hourlyRateCents: 0,
      },
    });
    expect(formula.statusCode, formula.body).toBe(201);
    const again: Record<string, string>[] = parse(
      (await call(csvOf('utilisation'), 'hubAdmin')).text,
      { columns: true },
    );
    expect(again.map((r) => r.Machine)).toContain(`'=HYPERLINK("http://evil")`);
  });

  it('refuses a member, a member of another makerspace, a guest and a bad period', async () => {
    for (const url of [analyticsOf(HUB), csvOf('utilisation')]) {
      expect((await call(url, 'hubMember')).status).toBe(403);
      expect((await call(url, 'puneMember')).status).toBe(404);
      expect((await call(url, 'loner')).status).toBe(403);
      expect((await call(url)).status).toBe(401);
    }
    expect((await call(analyticsOf(PUNE), 'hubAdmin')).status).toBe(404);
    for (const period of [
      { from: '2025-03-09', to: '2025-03-03' },
      { from: '2025-01-01', to: '2026-01-01' },
      { from: '2025-02-30', to: '2025-03-03' },
      { from: 'last-week', to: '2025-03-03' },
    ]) {
      const refused = await call(analyticsOf(HUB, period), 'hubAdmin');
      expect(refused.status, JSON.stringify(period)).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(
      (await call(analyticsOf(HUB, { from: '2025-01-01', to: '2025-12-31' }), 'hubAdmin')).status,
    ).toBe(200);
    const oneSided = await call(`/api/v1/makerspaces/${HUB}/analytics?from=2025-03-03`, 'hubAdmin');
    expect(oneSided.status).toBe(400);
    expect((await call(csvOf('no-such-table'), 'hubAdmin')).status).toBe(400);
  });
});
