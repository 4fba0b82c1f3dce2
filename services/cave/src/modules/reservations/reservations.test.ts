import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Reservation, ReservationCalendar, ReservationList } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo, addPeopleWithTokens } from '../memberships/testing';
import { reservations } from './tables';
import { slot } from './testing';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const equipmentOf = (space: string) => `/api/v1/makerspaces/${space}/equipment`;
const hub = equipmentOf(HUB);
const bookingsOf = (machine: string) => `${hub}/${machine}/reservations`;
const ownBooking = (id: string, action: string) =>
  `/api/v1/makerspaces/${HUB}/reservations/${id}/${action}`;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

const newMachine = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `Booking test ${slug}`,
  slug,
  type: 'laser_cutter',
  make: 'xTool',
  model: 'P2',
  location: 'Laser room',
  hourlyRateCents: 800,
  ...extra,
});

describe.each(testDrivers)('MakrCave reservations over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = async (method: Method, url: string, as?: string, body?: unknown) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const addMachine = async (slug: string, extra: Record<string, unknown> = {}) => {
    const created = await call('POST', hub, 'hubAdmin', newMachine(slug, extra));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  };
  const book = async (
    machine: string,
    as: string,
    wanted: { startsAt: string; endsAt: string },
  ) => {
    const booked = await call('POST', bookingsOf(machine), as, wanted);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    return booked.body as Reservation;
  };
  const rowsOf = async (machineSlug: string) =>
    cave.app.db
      .select({ id: reservations.id, status: reservations.status })
      .from(reservations)
      .where(
        sql`${reservations.equipmentId} = (select id from makrcave.equipment where slug = ${machineSlug})`,
      );
  const auditActions = async (reservationId: string) =>
    (
      await cave.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.entityType, 'reservation'), eq(auditLogs.entityId, reservationId)))
        .orderBy(auditLogs.id)
    ).map((row) => row.action);
  const eventsAbout = async (reservationId: string) =>
    (
      await cave.app.db
        .select({ type: outboxEvents.type, payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(sql`${outboxEvents.payload}->>'reservationId' = ${reservationId}`)
    ).map((event) => event.type);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      hubOther: [HUB, 'member'],
      hubProvider: [HUB, 'service_provider'],
      puneMember: [PUNE, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
    } as const;
    await addPeopleWithTokens(cave.app.db, issuer, people, { ids, tokens });
    await addMachine('laser-a');
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('books machine time for my project, which the project lists; never for another’s', async () => {
    const project = await call('POST', '/api/v1/projects', 'hubMember', {
      title: 'Laser-cut lamp shade',
    });
    expect(project.status).toBe(201);
    const slug = project.body.slug as string;
    const wanted = slot(9);
    const booked = await call('POST', bookingsOf('laser-a'), 'hubMember', {
      ...wanted,
      projectSlug: slug,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.project).toEqual({ slug, title: 'Laser-cut lamp shade' });
    const listed: ReservationList = (
      await call('GET', `/api/v1/projects/${slug}/bookings`, 'hubMember')
    ).body;
    expect(listed.items.map((b) => b.id)).toEqual([booked.body.id]);
    const activity = await call('GET', `/api/v1/projects/${slug}/activity`, 'hubMember');
    expect(activity.body.items[0]).toMatchObject({ action: 'booking.made' });
    // The project is private: others see neither it nor its bookings.
    expect((await call('GET', `/api/v1/projects/${slug}/bookings`)).status).toBe(401);
    expect((await call('GET', `/api/v1/projects/${slug}/bookings`, 'hubOther')).status).toBe(404);
    // Made public, its bookings still say when its maker is at the makerspace: theirs alone.
    const published = await call('PUT', `/api/v1/projects/${slug}/visibility`, 'hubMember', {
      visibility: 'public',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const seen = await call('GET', `/api/v1/projects/${slug}/bookings`, 'hubOther');
    expect(seen.status).toBe(403);
    expect(seen.body.error.code).toBe('PROJECT_ROLE_TOO_LOW');
    await call('PUT', `/api/v1/projects/${slug}/visibility`, 'hubMember', {
      visibility: 'private',
    });
    const before = (await rowsOf('laser-a')).length;
    for (const projectSlug of [slug, 'no-such-project']) {
      const refused = await call('POST', bookingsOf('laser-a'), 'hubOther', {
        ...slot(10),
        projectSlug,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'PROJECT_NOT_YOURS',
        details: { project: projectSlug },
      });
    }
    expect((await rowsOf('laser-a')).length).toBe(before);
    const mine: ReservationList = (await call('GET', '/api/v1/reservations/mine', 'hubMember'))
      .body;
    expect(mine.items.find((b) => b.id === booked.body.id)?.project?.slug).toBe(slug);
    await call('POST', ownBooking(booked.body.id, 'cancel'), 'hubMember');
  });

  it('books a free slot: on the calendar, in my bookings, audited and published', async () => {
    const wanted = slot(1);
    const booked = await book('laser-a', 'hubMember', wanted);
    expect(booked).toMatchObject({
      ...wanted,
      status: 'booked',
      userId: ids.hubMember,
      machine: { slug: 'laser-a' },
      makerspace: { slug: HUB },
      checkedInAt: null,
    });

    const range = `from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(7 * DAY))}`;
    const mine: ReservationCalendar = (
      await call('GET', `${bookingsOf('laser-a')}?${range}`, 'hubMember')
    ).body;
    expect(mine.timeZone).toBe('Asia/Kolkata');
    expect(mine.items).toContainEqual({
      id: booked.id,
      status: 'booked',
      mine: true,
      member: { id: ids.hubMember, displayName: expect.any(String) },
      ...wanted,
    });
    const theirs: ReservationCalendar = (
      await call('GET', `${bookingsOf('laser-a')}?${range}`, 'hubOther')
    ).body;
    expect(theirs.items.find((item) => item.id === booked.id)).toMatchObject({
      mine: false,
      member: null,
    });
    // The makerspace's admin sees who booked.
    const adminView: ReservationCalendar = (
      await call('GET', `${bookingsOf('laser-a')}?${range}`, 'hubAdmin')
    ).body;
    expect(adminView.items.find((item) => item.id === booked.id)).toMatchObject({
      mine: false,
      member: { id: ids.hubMember },
    });

    const list: ReservationList = (await call('GET', '/api/v1/reservations/mine', 'hubMember'))
      .body;
    expect(list.items.map((item) => item.id)).toContain(booked.id);
    const others: ReservationList = (await call('GET', '/api/v1/reservations/mine', 'hubOther'))
      .body;
    expect(others.items.map((item) => item.id)).not.toContain(booked.id);

    expect(await auditActions(booked.id)).toEqual(['reservation.booked']);
    expect(await eventsAbout(booked.id)).toEqual(['cave.reservation.booked']);
  });

  it('refuses an overlapping slot with 409 SLOT_TAKEN naming the slot taken; the next hour is free', async () => {
    const wanted = slot(2, 2);
    await book('laser-a', 'hubMember', wanted);
    const before = await rowsOf('laser-a');
    const overlapping = {
      startsAt: new Date(Date.parse(wanted.startsAt) + HOUR).toISOString(),
      endsAt: new Date(Date.parse(wanted.endsAt) + HOUR).toISOString(),
    };
    const refused = await call('POST', bookingsOf('laser-a'), 'hubOther', overlapping);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'SLOT_TAKEN', details: { taken: wanted } });
    expect(refused.body.error.message).toContain(wanted.startsAt);
    expect(await rowsOf('laser-a')).toEqual(before);
    // Slots are half-open: one may start the minute the other ends.
    await book('laser-a', 'hubOther', {
      startsAt: wanted.endsAt,
      endsAt: new Date(Date.parse(wanted.endsAt) + HOUR).toISOString(),
    });
  });

  it('refuses bad slots, maintenance, machines out of use and trainings, changing nothing', async () => {
    await addMachine('laser-off');
    await addMachine('laser-gone');
    await addMachine('laser-serviced');
    expect(
      (await call('PUT', `${hub}/laser-off/status`, 'hubAdmin', { status: 'offline' })).status,
    ).toBe(200);
    expect((await call('POST', `${hub}/laser-gone/archive`, 'hubAdmin')).status).toBe(200);
    const window = slot(3, 3);
    const scheduled = await call('POST', `${hub}/laser-serviced/maintenance-windows`, 'hubAdmin', {
      ...window,
      reason: 'New lens',
    });
    expect(scheduled.status).toBe(201);
    const before = await cave.app.db.select({ id: reservations.id }).from(reservations);

    const refusals: [string, unknown, number, string][] = [
      ['laser-a', slot(4, 5), 422, 'BOOKING_TOO_LONG'],
      ['laser-a', slot(-1), 400, 'VALIDATION_FAILED'],
      ['laser-a', { startsAt: slot(4).endsAt, endsAt: slot(4).startsAt }, 400, 'VALIDATION_FAILED'],
      ['laser-a', { startsAt: 'tomorrow', endsAt: 'later' }, 400, 'VALIDATION_FAILED'],
      ['laser-a', { ...slot(4), userId: ids.hubOther }, 400, 'VALIDATION_FAILED'],
      ['laser-serviced', slot(3.05), 409, 'MAINTENANCE_SCHEDULED'],
      ['xtool-p2-55-w-co', slot(4), 403, 'TRAINING_REQUIRED'],
      ['laser-off', slot(4), 409, 'EQUIPMENT_UNAVAILABLE'],
      ['laser-gone', slot(4), 409, 'EQUIPMENT_UNAVAILABLE'],
      ['no-such-machine', slot(4), 404, 'NOT_FOUND'],
    ];
    for (const [machine, body, status, code] of refusals) {
      const refused = await call('POST', bookingsOf(machine), 'hubMember', body);
      expect(refused.status, `${machine} ${JSON.stringify(body)}`).toBe(status);
      expect(refused.body.error.code).toBe(code);
    }
    const maintenance = await call('POST', bookingsOf('laser-serviced'), 'hubMember', slot(3.05));
    expect(maintenance.body.error.details).toEqual({ maintenance: window });
    const training = await call('POST', bookingsOf('xtool-p2-55-w-co'), 'hubMember', slot(4));
    expect(training.body.error.message).toMatch(/after passing Laser cutter safety/);
    expect(await cave.app.db.select({ id: reservations.id }).from(reservations)).toEqual(before);

    const tooLong = await call(
      'GET',
      `${bookingsOf('laser-a')}?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(30 * DAY))}`,
      'hubMember',
    );
    expect(tooLong.status).toBe(400);
  });

  it('answers a guest 401 and a member of another makerspace 404, booking nothing', async () => {
    const before = await rowsOf('laser-a');
    expect((await call('POST', bookingsOf('laser-a'), undefined, slot(5))).status).toBe(401);
    expect((await call('GET', '/api/v1/reservations/mine')).status).toBe(401);
    expect((await call('POST', bookingsOf('laser-a'), 'puneMember', slot(5))).status).toBe(404);
    const calendar = `${bookingsOf('laser-a')}?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(DAY))}`;
    expect((await call('GET', calendar, 'puneMember')).status).toBe(404);
    const booked = await book('laser-a', 'hubMember', slot(5));
    for (const action of ['cancel', 'check-in', 'check-out']) {
      const url = `/api/v1/makerspaces/${PUNE}/reservations/${booked.id}/${action}`;
      expect((await call('POST', url, 'puneMember')).status, action).toBe(404);
    }
    // Another makerspace's admin runs nothing here: the hub's admin routes answer them 404.
    const adminCancel = `/api/v1/makerspaces/${HUB}/admin/reservations/${booked.id}/cancel`;
    expect((await call('POST', adminCancel, 'puneAdmin')).status).toBe(404);
    const sweep = `/api/v1/makerspaces/${HUB}/admin/reservations/no-shows`;
    expect((await call('POST', sweep, 'puneAdmin')).status).toBe(404);
    // Nor does their own admin route reach the hub's booking.
    const ownSpace = `/api/v1/makerspaces/${PUNE}/admin/reservations/${booked.id}/cancel`;
    expect((await call('POST', ownSpace, 'puneAdmin')).status).toBe(404);
    expect((await rowsOf('laser-a')).find((row) => row.id === booked.id)?.status).toBe('booked');
    expect((await rowsOf('laser-a')).length).toBe(before.length + 1);
  });

  it('lets a member cancel only their own booking before it starts; the slot is free again', async () => {
    const wanted = slot(6);
    const booked = await book('laser-a', 'hubMember', wanted);
    for (const action of ['cancel', 'check-in', 'check-out']) {
      const refused = await call('POST', ownBooking(booked.id, action), 'hubOther');
      expect(refused.status, action).toBe(404);
    }
    const adminRoute = `/api/v1/makerspaces/${HUB}/admin/reservations/${booked.id}/cancel`;
    expect((await call('POST', adminRoute, 'hubOther')).status).toBe(403);
    expect((await rowsOf('laser-a')).find((row) => row.id === booked.id)?.status).toBe('booked');

    const cancelled = await call('POST', ownBooking(booked.id, 'cancel'), 'hubMember');
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.cancelledAt).not.toBeNull();
    const again = await call('POST', ownBooking(booked.id, 'cancel'), 'hubMember');
    expect(again.body.error.code).toBe('RESERVATION_STARTED');
    expect(await auditActions(booked.id)).toEqual(['reservation.booked', 'reservation.cancelled']);
    expect(await eventsAbout(booked.id)).toEqual([
      'cave.reservation.booked',
      'cave.reservation.cancelled',
    ]);
    await book('laser-a', 'hubOther', wanted);
  });

  it('lets the makerspace’s admin cancel any booking there', async () => {
    const booked = await book('laser-a', 'hubProvider', slot(7));
    const adminRoute = `/api/v1/makerspaces/${HUB}/admin/reservations/${booked.id}/cancel`;
    const cancelled = await call('POST', adminRoute, 'hubAdmin');
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('records check-in and check-out, and refuses cancelling what has started', async () => {
    const booked = await book('laser-a', 'hubMember', slot(10));
    // The day comes: the booking now starts in five minutes, whatever the hour of the test.
    await cave.app.db.execute(
      sql`update makrcave.reservations set during = tstzrange(now() + interval '5 minutes', now() + interval '65 minutes') where id = ${booked.id}`,
    );
    const later = await book('laser-a', 'hubMember', slot(8));
    const early = await call('POST', ownBooking(later.id, 'check-in'), 'hubMember');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RESERVATION_NOT_CHECKABLE');
    expect((await call('POST', ownBooking(booked.id, 'check-out'), 'hubMember')).status).toBe(409);

    const checkedIn = await call('POST', ownBooking(booked.id, 'check-in'), 'hubMember');
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(200);
    expect(checkedIn.body).toMatchObject({ status: 'checked_in' });
    expect(checkedIn.body.checkedInAt).not.toBeNull();
    const cancel = await call('POST', ownBooking(booked.id, 'cancel'), 'hubMember');
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('RESERVATION_STARTED');
    const checkedOut = await call('POST', ownBooking(booked.id, 'check-out'), 'hubMember');
    expect(checkedOut.status).toBe(200);
    expect(checkedOut.body).toMatchObject({ status: 'completed' });
    expect(checkedOut.body.checkedOutAt).not.toBeNull();
    expect(await auditActions(booked.id)).toEqual([
      'reservation.booked',
      'reservation.checked-in',
      'reservation.checked-out',
    ]);
  });

  it('marks a missed booking as a no-show, from the admin’s route and the background job', async () => {
    const missed = await book('laser-a', 'hubMember', slot(9));
    const alsoMissed = await book('laser-a', 'hubOther', slot(9.5));
    // The bookings' time passes: moved to yesterday, as if nobody had come.
    for (const id of [missed.id, alsoMissed.id]) {
      await cave.app.db.execute(
        sql`update makrcave.reservations set during = tstzrange(lower(during) - interval '10 days', upper(during) - interval '10 days') where id = ${id}`,
      );
    }
    const sweep = `/api/v1/makerspaces/${HUB}/admin/reservations/no-shows`;
    expect((await call('POST', sweep, 'hubMember')).status).toBe(403);
    const marked = await call('POST', sweep, 'hubAdmin');
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body.markedNoShow).toBeGreaterThanOrEqual(2);
    const statuses = await rowsOf('laser-a');
    expect(statuses.find((row) => row.id === missed.id)?.status).toBe('no_show');
    expect(await auditActions(missed.id)).toEqual(['reservation.booked', 'reservation.no-show']);
    expect(await cave.app.jobs.run('cave.reservations.no-shows')).toBe(0);
    const mine: ReservationList = (await call('GET', '/api/v1/reservations/mine', 'hubMember'))
      .body;
    expect(mine.items.find((item) => item.id === missed.id)?.status).toBe('no_show');
  });
});

describe.each(testDrivers.filter((driver) => driver === 'postgres'))(
  'MakrCave reservations under a rush over %s',
  (driver) => {
    let issuer: TestIssuer;
    let cave: TestService;
    const tokens: string[] = [];

    beforeAll(async () => {
      issuer = await startTestIssuer();
      cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
      const adminId = await addMemberTo(cave.app.db, HUB, 'rushadmin', 'makerspace_admin');
      const admin = await issuer.userToken({ id: adminId, username: 'rushadmin', realmRoles: [] });
      const created = await cave.app.inject({
        method: 'POST',
        url: hub,
        headers: { authorization: `Bearer ${admin}` },
        payload: newMachine('rush-laser'),
      });
      expect(created.statusCode).toBe(201);
      for (let i = 0; i < 50; i++) {
        const username = `rusher${i}`;
        const id = await addMemberTo(cave.app.db, HUB, username, 'member');
        tokens.push(await issuer.userToken({ id, username, realmRoles: [] }));
      }
    });
    afterAll(async () => {
      await cave.close();
      await issuer.close();
    });

    it('accepts exactly one of 50 concurrent overlapping bookings; 49 get 409 naming it', async () => {
      const base = Date.parse(slot(3).startsAt);
      // Fifty members, fifty different slots that all overlap the first one's hour.
      const responses = await Promise.all(
        tokens.map((token, i) =>
          cave.app.inject({
            method: 'POST',
            url: bookingsOf('rush-laser'),
            headers: { authorization: `Bearer ${token}` },
            payload: {
              startsAt: new Date(base + i * 60_000).toISOString(),
              endsAt: new Date(base + HOUR + i * 60_000).toISOString(),
            },
          }),
        ),
      );
      const accepted = responses.filter((response) => response.statusCode === 201);
      const refused = responses.filter((response) => response.statusCode === 409);
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(49);
      const winner: Reservation = accepted[0]!.json();
      for (const response of refused) {
        expect(response.json().error).toMatchObject({
          code: 'SLOT_TAKEN',
          details: { taken: { startsAt: winner.startsAt, endsAt: winner.endsAt } },
        });
      }
      const rows = await cave.app.db
        .select({ id: reservations.id })
        .from(reservations)
        .where(
          sql`${reservations.equipmentId} = (select id from makrcave.equipment where slug = 'rush-laser')`,
        );
      expect(rows).toEqual([{ id: winner.id }]);
      // Fifty transactions queue on one exclusion constraint; on a shared two-core machine in
      // the middle of the whole suite that queue has been seen to take longer than the default.
    }, 120_000);
  },
);
