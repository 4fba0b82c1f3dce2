import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MakerspaceCalendar, MakerspaceDashboard, Reservation } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens } from '../memberships/testing';
import { HUB_TIME_ZONE, slot } from './testing';

type Method = 'GET' | 'POST';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const dashboard = `/api/v1/makerspaces/${HUB}/dashboard`;
const calendar = (from: string, to: string) =>
  `/api/v1/makerspaces/${HUB}/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const bookingsOf = (machine: string) =>
  `/api/v1/makerspaces/${HUB}/equipment/${machine}/reservations`;
/** Today's date in Bengaluru and the instant of `HH:MM` on it. */
const hubToday = () => DateTime.now().setZone(HUB_TIME_ZONE).startOf('day');
const todayAt = (hour: number) => hubToday().set({ hour }).toUTC().toISO()!;

describe.each(testDrivers)('the makerspace dashboard and calendar over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const booked = {} as Record<'mine' | 'theirs' | 'missed' | 'later', Reservation>;

  const call = async (method: Method, url: string, as?: string, body?: unknown) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  /** Books a slot days ahead, then lets the day come: the booking is today, `hour` to `hour + 1`. */
  const bookToday = async (machine: string, as: string, hour: number) => {
    const response = await call('POST', bookingsOf(machine), as, slot(3));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    await cave.app.db.execute(
      sql`update makrcave.reservations set during = tstzrange(${todayAt(hour)}::timestamptz, ${todayAt(hour + 1)}::timestamptz) where id = ${response.body.id}`,
    );
    return response.body as Reservation;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      hubOther: [HUB, 'member'],
      puneMember: [PUNE, 'member'],
    } as const;
    await addPeopleWithTokens(cave.app.db, issuer, people, { ids, tokens });
    booked.mine = await bookToday('prusa-mk4-1', 'hubMember', 10);
    booked.theirs = await bookToday('bambu-lab-x1-carbon', 'hubOther', 12);
    booked.missed = await bookToday('bambu-lab-p1s', 'hubOther', 11);
    // As the no-show sweep leaves a booking nobody came to.
    await cave.app.db.execute(
      sql`update makrcave.reservations set status = 'no_show' where id = ${booked.missed.id}`,
    );
    booked.later = (await call('POST', bookingsOf('prusa-mk4-1'), 'hubOther', slot(4))).body;
    const window = { ...slot(2, 2), reason: 'New nozzle' };
    const scheduled = await call(
      'POST',
      `/api/v1/makerspaces/${HUB}/equipment/roland-gs2-24/maintenance-windows`,
      'hubAdmin',
      window,
    );
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const hubId = (await call('GET', `/api/v1/makerspaces/${HUB}`)).body.id;
    const invited = await call('POST', `/api/v1/makerspaces/${hubId}/invites`, 'hubAdmin', {
      email: 'soon-expiring@example.org',
      role: 'member',
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('shows the admin today’s bookings by name, the machines and what needs attention', async () => {
    const got = await call('GET', dashboard, 'hubAdmin');
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const view: MakerspaceDashboard = got.body;
    expect(view.makerspace).toMatchObject({ slug: HUB, timeZone: 'Asia/Kolkata' });
    expect(view.today.date).toBe(hubToday().toISODate());
    expect(view.today.open.length).toBe(1);
    expect(view.bookingsToday.map((b) => [b.machine.slug, b.member?.displayName])).toEqual([
      ['prusa-mk4-1', 'hubMember'],
      ['bambu-lab-x1-carbon', 'hubOther'],
    ]);
    expect(view.counts).toMatchObject({ bookingsToday: 2, machines: 12 });
    expect(view.counts.machinesDown).toBe(2);
    // The next booking still to start: today's at 10:00 until then, the later one after.
    const next = Date.parse(todayAt(10)) > Date.now() ? todayAt(10) : booked.later.startsAt;
    expect(view.machines.find((m) => m.slug === 'prusa-mk4-1')?.nextBooking?.startsAt).toBe(next);
    // Each machine as the equipment list has it, so the overview draws its card from this answer.
    expect(view.machines.find((m) => m.slug === 'prusa-mk4-1')).toMatchObject({
      type: '3d_printer',
      make: 'Prusa Research',
      archivedAt: null,
    });

    const attention = view.attention!;
    expect(attention.machinesDown.map((m) => [m.slug, m.status])).toEqual(
      expect.arrayContaining([
        ['formlabs-form-3', 'maintenance'],
        ['smd-rework-bench', 'offline'],
      ]),
    );
    expect(attention.upcomingMaintenance).toContainEqual(
      expect.objectContaining({
        reason: 'New nozzle',
        machine: expect.objectContaining({ slug: 'roland-gs2-24' }),
      }),
    );
    expect(attention.expiringInvites.map((i) => i.email)).toContain('soon-expiring@example.org');
    expect(attention.noShowsToday.map((b) => [b.id, b.member?.displayName])).toEqual([
      [booked.missed.id, 'hubOther'],
    ]);
    const items =
      attention.machinesDown.length +
      attention.upcomingMaintenance.length +
      attention.expiringInvites.length +
      attention.noShowsToday.length;
    expect(view.counts.needsAttention).toBe(items);
  });

  it('shows a member every booking as busy but names only their own, and no attention list', async () => {
    const view: MakerspaceDashboard = (await call('GET', dashboard, 'hubMember')).body;
    const mine = view.bookingsToday.find((b) => b.id === booked.mine.id)!;
    const theirs = view.bookingsToday.find((b) => b.id === booked.theirs.id)!;
    expect(mine).toMatchObject({
      mine: true,
      member: { id: ids.hubMember, displayName: 'hubMember' },
    });
    expect(theirs).toMatchObject({ mine: false, member: null, startsAt: todayAt(12) });
    expect(JSON.stringify(view)).not.toContain('hubOther');
    expect(view.attention).toBeNull();
    expect(view.counts.needsAttention).toBeNull();
  });

  it('answers a guest 401 and a member of another makerspace 404', async () => {
    expect((await call('GET', dashboard)).status).toBe(401);
    expect((await call('GET', dashboard, 'puneMember')).status).toBe(404);
    const week = calendar(todayAt(0), hubToday().plus({ days: 7 }).toUTC().toISO()!);
    expect((await call('GET', week, 'puneMember')).status).toBe(404);
  });

  it('draws a week: open hours per local day, bookings and maintenance as instants', async () => {
    const from = hubToday();
    const to = from.plus({ days: 7 });
    const got = await call(
      'GET',
      calendar(from.toUTC().toISO()!, to.toUTC().toISO()!),
      'hubMember',
    );
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const week: MakerspaceCalendar = got.body;
    expect(week.timeZone).toBe('Asia/Kolkata');
    expect(week.days.map((d) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => from.plus({ days: i }).toISODate()),
    );
    for (const day of week.days) {
      const weekday = DateTime.fromISO(day.date).weekday;
      // Mon–Sat 08:00–22:00, Sun 10:00–18:00 in Bengaluru (UTC+05:30).
      const [opens, closes] = weekday === 7 ? ['04:30', '12:30'] : ['02:30', '16:30'];
      expect(day.open, day.date).toEqual([
        { startsAt: `${day.date}T${opens}:00.000Z`, endsAt: `${day.date}T${closes}:00.000Z` },
      ]);
    }
    const prusa = week.machines.find((m) => m.slug === 'prusa-mk4-1')!;
    // What the calendar colours it by and what booking a free slot would cost.
    expect(prusa.type).toBe('3d_printer');
    expect(prusa.hourlyRateCents).toBeGreaterThan(0);
    expect(prusa.bookings.map((b) => [b.id, b.mine, b.member?.displayName ?? null])).toEqual([
      [booked.mine.id, true, 'hubMember'],
      [booked.later.id, false, null],
    ]);
    const cutter = week.machines.find((m) => m.slug === 'roland-gs2-24')!;
    expect(cutter.maintenance).toContainEqual(expect.objectContaining({ reason: 'New nozzle' }));
    const forAdmin: MakerspaceCalendar = (
      await call('GET', calendar(from.toUTC().toISO()!, to.toUTC().toISO()!), 'hubAdmin')
    ).body;
    const later = forAdmin.machines
      .find((m) => m.slug === 'prusa-mk4-1')!
      .bookings.find((b) => b.id === booked.later.id);
    expect(later?.member?.displayName).toBe('hubOther');
  });

  it('refuses a range over 42 days or backwards with 400 naming "to"', async () => {
    const from = hubToday();
    for (const to of [from.plus({ days: 43 }), from.minus({ days: 1 })]) {
      const refused = await call(
        'GET',
        calendar(from.toUTC().toISO()!, to.toUTC().toISO()!),
        'hubMember',
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].field).toBe('to');
    }
    const sixWeeks = await call(
      'GET',
      calendar(from.toUTC().toISO()!, from.plus({ days: 42 }).toUTC().toISO()!),
      'hubMember',
    );
    expect(sixWeeks.status).toBe(200);
    expect(sixWeeks.body.days).toHaveLength(42);
  });
});
