import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  ProviderEarnings,
  ProviderJob,
  ProviderOfferingRow,
  ProvidersAvailable,
  RoutedServiceOrder,
  RouteServiceOrderBody,
} from '@makrx/contracts';
import { serviceOrderUpdate } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens, joinAs } from '../memberships/testing';
import { changeProject, seedDemoProjectsWithOwners } from '../projects/testing';
import { slot } from '../reservations/testing';
import { seedDemoPrintOfferings } from './demo-offerings';
import { printOfferings, serviceJobs } from './tables';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const PUNE_CENTRE = { latitude: 18.52, longitude: 73.85 };
const provider = (space: string) => `/api/v1/makerspaces/${space}/provider`;
const DAY = 24 * 60 * 60 * 1000;
const STORE_AWAY = 'http://127.0.0.1:9';

describe.each(testDrivers)('MakrCave print jobs over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const machines: Record<string, string> = {};

  const call = async (method: Method, url: string, as?: string, body?: unknown) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: response.statusCode,
      body: response.body ? response.json() : undefined,
    };
  };
  const addPrinter = async (
    space: string,
    admin: string,
    slug: string,
    buildVolumeMm: { x: number; y: number; z: number } | null,
    type = '3d_printer',
  ) => {
    const created = await call('POST', `/api/v1/makerspaces/${space}/equipment`, admin, {
      name: `Fab test ${slug}`,
      slug,
      type,
      hourlyRateCents: 1000,
      specifications: buildVolumeMm ? { buildVolumeMm } : {},
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    machines[slug] = created.body.id;
  };
  const offer = async (
    space: string,
    as: string,
    equipment: string,
    materialKey: string,
    quality = 'standard',
  ) => {
    const created = await call('POST', `${provider(space)}/offerings`, as, {
      materialKey,
      quality,
      equipmentId: machines[equipment],
      pricePerKg: 250_000,
      machineHourlyRate: 15_000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as ProviderOfferingRow;
  };
  const order = (
    materialKey: string,
    extra: {
      partSizeMm?: { x: number; y: number; z: number };
      preferences?: RouteServiceOrderBody['preferences'];
      printMinutes?: number;
      dueBy?: string;
      total?: number;
    } = {},
  ): RouteServiceOrderBody => ({
    serviceOrderId: randomUUID(),
    orderNumber: `MX-${Math.floor(Math.random() * 1e6)}`,
    customer: { userId: null, name: 'Asha Customer' },
    requirements: {
      materialKey,
      quality: 'standard',
      quantity: 2,
      partSizeMm: extra.partSizeMm ?? { x: 40, y: 40, z: 30 },
      volumeMm3: 20_000,
      printMinutes: extra.printMinutes ?? 90,
      dueBy: extra.dueBy ?? new Date(Date.now() + 10 * DAY).toISOString(),
    },
    preferences: extra.preferences ?? {},
    price: { total: extra.total ?? 150_000, currency: 'INR' },
    file: {
      uploadId: randomUUID(),
      name: 'bracket.stl',
      sizeBytes: 84_284,
      sha256: 'a'.repeat(64),
    },
  });
  const route = async (body: RouteServiceOrderBody, expected = 201) => {
    const routed = await call('POST', '/api/v1/jobs/route-service-order', 'store', body);
    expect(routed.status, JSON.stringify(routed.body)).toBe(expected);
    return routed.body as RoutedServiceOrder;
  };
  const changes = async (jobId: string) =>
    (
      await cave.app.db
        .select({ payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.type, 'cave.service-job.changed'),
            sql`${outboxEvents.payload}->>'jobId' = ${jobId}`,
          ),
        )
        .orderBy(asc(outboxEvents.id))
    ).map(
      (row) =>
        row.payload as {
          status: string;
          provider: { makerspaceId: string } | null;
          reason: string | null;
          trackingUrl: string | null;
          serviceOrderId: string;
          updateId: string;
        },
    );
  const jobOf = async (space: string, as: string, jobId: string) =>
    (await call('GET', `${provider(space)}/jobs/${jobId}`, as)).body as ProviderJob;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      // The store is away: nothing listens there (the launcher's tests reach a real one).
      peers: {
        urls: { auth: STORE_AWAY, cave: STORE_AWAY, store: STORE_AWAY },
        token: async () => 'cave-service-token',
      },
    });
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      {
        hubAdmin: [HUB, 'makerspace_admin'],
        hubProvider: [HUB, 'service_provider'],
        hubMember: [HUB, 'member'],
        puneAdmin: [PUNE, 'makerspace_admin'],
        puneProvider: [PUNE, 'service_provider'],
        puneMember: [PUNE, 'member'],
      },
      { ids, tokens },
    );
    tokens.store = await issuer.serviceToken('store-backend');
    tokens.authService = await issuer.serviceToken('auth-service');
    await addPrinter(HUB, 'hubAdmin', 'hub-mk4', { x: 250, y: 210, z: 220 });
    await addPrinter(HUB, 'hubAdmin', 'hub-no-bed', null);
    await addPrinter(HUB, 'hubAdmin', 'hub-laser', { x: 600, y: 400, z: 50 }, 'laser_cutter');
    await addPrinter(PUNE, 'puneAdmin', 'pune-k1', { x: 300, y: 300, z: 300 });
    for (const [space, as, location] of [
      [HUB, 'hubProvider', { latitude: 12.97, longitude: 77.59 }],
      [PUNE, 'puneProvider', { latitude: 18.52, longitude: 73.86 }],
    ] as const) {
      const set = await call('PUT', `${provider(space)}/settings`, as, {
        takesPrintJobs: true,
        location,
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lets only the makerspace’s service providers at its provider tools', async () => {
    const url = `${provider(HUB)}/settings`;
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', url, 'hubMember')).status).toBe(403);
    // "Service provider tools" is ❌ for makerspace admins.
    expect((await call('GET', url, 'hubAdmin')).status).toBe(403);
    // Another makerspace's provider finds nothing here.
    expect((await call('GET', url, 'puneProvider')).status).toBe(404);
    expect((await call('GET', url, 'store')).status).toBe(403);
    const mine = await call('GET', url, 'hubProvider');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      takesPrintJobs: true,
      responseWindowMinutes: 120,
      platformFeeBps: 1000,
      currency: 'INR',
      location: { latitude: 12.97, longitude: 77.59 },
    });
    const bad = await call('PUT', url, 'hubProvider', { responseWindowMinutes: 5 });
    expect(bad.status).toBe(400);
    const feeSent = await call('PUT', url, 'hubProvider', { platformFeeBps: 0 });
    expect(feeSent.status).toBe(400);
    expect((await call('GET', url, 'hubProvider')).body.responseWindowMinutes).toBe(120);
  });

  it('takes offerings only on the makerspace’s own 3D printers with a bed, and known materials', async () => {
    const url = `${provider(HUB)}/offerings`;
    const base = { materialKey: 'asa', quality: 'fine', pricePerKg: 1, machineHourlyRate: 1 };
    const refused = async (body: object, status: number, code: string) => {
      const answer = await call('POST', url, 'hubProvider', body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.error.code).toBe(code);
    };
    await refused({ ...base, equipmentId: machines['pune-k1'] }, 422, 'OFFERING_EQUIPMENT_INVALID');
    await refused(
      { ...base, equipmentId: machines['hub-laser'] },
      422,
      'OFFERING_EQUIPMENT_INVALID',
    );
    await refused(
      { ...base, equipmentId: machines['hub-no-bed'] },
      422,
      'OFFERING_EQUIPMENT_INVALID',
    );
    await refused({ ...base, equipmentId: randomUUID() }, 422, 'OFFERING_EQUIPMENT_INVALID');
    await refused(
      { ...base, materialKey: 'unobtainium', equipmentId: machines['hub-mk4'] },
      422,
      'MATERIAL_UNKNOWN',
    );
    await refused(
      { ...base, pricePerKg: -1, equipmentId: machines['hub-mk4'] },
      400,
      'VALIDATION_FAILED',
    );
    await refused(
      { ...base, equipmentId: machines['hub-mk4'], extra: 'x'.repeat(100) },
      400,
      'VALIDATION_FAILED',
    );
    expect(
      (await call('POST', url, 'puneProvider', { ...base, equipmentId: machines['hub-mk4'] }))
        .status,
    ).toBe(404);
    const none = await cave.app.db
      .select()
      .from(printOfferings)
      .where(eq(printOfferings.materialKey, 'asa'));
    expect(none).toHaveLength(0);

    const created = await offer(HUB, 'hubProvider', 'hub-mk4', 'asa', 'fine');
    expect(created).toMatchObject({
      materialKey: 'asa',
      quality: 'fine',
      currency: 'INR',
      machine: { equipmentId: machines['hub-mk4'], buildVolumeMm: { x: 250, y: 210, z: 220 } },
      setupFee: 0,
      validityHours: 72,
      active: true,
    });
    await refused({ ...base, equipmentId: machines['hub-mk4'] }, 409, 'OFFERING_EXISTS');
    const changed = await call('PUT', `${url}/${created.id}`, 'hubProvider', {
      ...base,
      equipmentId: machines['hub-mk4'],
      setupFee: 5_000,
      active: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ setupFee: 5_000, active: false });
    expect((await call('DELETE', `${url}/${created.id}`, 'puneProvider')).status).toBe(404);
    expect((await call('DELETE', `${url}/${created.id}`, 'hubProvider')).status).toBe(204);
    expect((await call('GET', url, 'hubProvider')).body.items).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: created.id })]),
    );
  });

  it('routes by material, fit, distance, rating and the customer’s chosen offering', async () => {
    const hubAbs = await offer(HUB, 'hubProvider', 'hub-mk4', 'abs');
    const puneAbs = await offer(PUNE, 'puneProvider', 'pune-k1', 'abs');
    const hubOnly = await offer(HUB, 'hubProvider', 'hub-mk4', 'tpu');

    // Only the hub offers TPU, however near Pune the customer is.
    const tpu = await route(order('tpu', { preferences: { location: PUNE_CENTRE } }));
    expect(tpu.provider?.makerspaceId).toBe(hubOnly.machine && (await spaceIdOf(HUB)));
    // Nearest first.
    const near = await route(order('abs', { preferences: { location: PUNE_CENTRE } }));
    expect(near).toMatchObject({ status: 'offered', provider: { name: 'TinkerWorks Pune' } });
    // A part only Pune's bed fits (280 mm does not fit 250×210×220 in any turn).
    const big = await route(order('abs', { partSizeMm: { x: 280, y: 100, z: 100 } }));
    expect(big.provider?.name).toBe('TinkerWorks Pune');
    // The offering the customer's quote came from is asked first.
    const chosen = await route(
      order('abs', { preferences: { location: PUNE_CENTRE, offeringId: hubAbs.id } }),
    );
    expect(chosen.provider?.makerspaceId).toBe(await spaceIdOf(HUB));
    // …unless it does not qualify: then the usual order.
    const tooBig = await route(
      order('abs', {
        partSizeMm: { x: 280, y: 100, z: 100 },
        preferences: { offeringId: hubAbs.id },
      }),
    );
    expect(tooBig.provider?.name).toBe('TinkerWorks Pune');
    // Without a location, the better rated first.
    await cave.app.db.insert(serviceJobs).values({
      serviceOrderId: randomUUID(),
      orderNumber: 'MX-RATED',
      request: order('abs'),
      status: 'delivered',
      makerspaceId: await spaceIdOf(HUB),
      priceTotal: 1000,
      currency: 'INR',
      rating: 5,
    });
    const rated = await route(order('abs'));
    expect(rated.provider?.makerspaceId).toBe(await spaceIdOf(HUB));
    // Nothing fits anywhere: unroutable at once, and the store is told why.
    const huge = await route(order('abs', { partSizeMm: { x: 400, y: 400, z: 400 } }));
    expect(huge).toMatchObject({ status: 'unroutable', provider: null });
    expect((await changes(huge.jobId)).map((c) => c.status)).toEqual(['unroutable']);
    expect(puneAbs.machine.equipmentId).toBe(machines['pune-k1']);
  });

  it('routes one order once: the same service order id answers the same job', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'pla');
    const body = order('pla');
    const first = await route(body, 201);
    const again = await route(body, 200);
    const changedBody = await route({ ...body, orderNumber: 'MX-OTHER' }, 200);
    expect(again).toEqual(first);
    expect(changedBody.jobId).toBe(first.jobId);
    const rows = await cave.app.db
      .select()
      .from(serviceJobs)
      .where(eq(serviceJobs.serviceOrderId, body.serviceOrderId));
    expect(rows).toHaveLength(1);
    expect((await changes(first.jobId)).map((c) => c.status)).toEqual(['offered']);
    // The hub's service provider was told of the offer once, replays or not.
    const told = await cave.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'notification.requested'),
          sql`${outboxEvents.payload}->>'title' = ${`New print job ${body.orderNumber}`}`,
        ),
      );
    expect(told.map((row) => (row.payload as { userId: string }).userId)).toEqual([
      ids.hubProvider,
    ]);
    // Two deliveries of one order at the same moment still make one job.
    const twice = order('pla');
    const answers = await Promise.all([
      call('POST', '/api/v1/jobs/route-service-order', 'store', twice),
      call('POST', '/api/v1/jobs/route-service-order', 'store', twice),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.jobId).toBe(answers[1]!.body.jobId);
    expect(
      await cave.app.db
        .select()
        .from(serviceJobs)
        .where(eq(serviceJobs.serviceOrderId, twice.serviceOrderId)),
    ).toHaveLength(1);
    // Only the store's token routes; a bad body changes nothing.
    expect(
      (await call('POST', '/api/v1/jobs/route-service-order', undefined, order('pla'))).status,
    ).toBe(401);
    expect(
      (await call('POST', '/api/v1/jobs/route-service-order', 'hubProvider', order('pla'))).status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/v1/jobs/route-service-order', 'authService', order('pla'))).status,
    ).toBe(403);
    const malformed = await call('POST', '/api/v1/jobs/route-service-order', 'store', {
      ...order('pla'),
      price: { total: -5, currency: 'INR' },
    });
    expect(malformed.status).toBe(400);
  });

  it('passes a rejected job to the next provider, and reports unroutable when none is left', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'petg');
    await offer(PUNE, 'puneProvider', 'pune-k1', 'petg');
    const routed = await route(order('petg', { preferences: { location: PUNE_CENTRE } }));
    expect(routed.provider?.name).toBe('TinkerWorks Pune');
    const puneId = await spaceIdOf(PUNE);
    const hubId = await spaceIdOf(HUB);

    // The hub was not offered it: nothing to answer there.
    expect(
      (
        await call('POST', `${provider(HUB)}/jobs/${routed.jobId}/reject`, 'hubProvider', {
          reason: 'Busy week',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('POST', `${provider(PUNE)}/jobs/${routed.jobId}/reject`, 'puneProvider', {
          reason: '',
        })
      ).status,
    ).toBe(400);
    const rejected = await call(
      'POST',
      `${provider(PUNE)}/jobs/${routed.jobId}/reject`,
      'puneProvider',
      {
        reason: 'Out of PETG this week',
      },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Out of PETG this week' });
    const atHub = await jobOf(HUB, 'hubProvider', routed.jobId);
    expect(atHub).toMatchObject({ status: 'offered', file: { name: 'bracket.stl' }, quantity: 2 });
    expect(atHub.respondBy).not.toBeNull();
    // Replaying the rejection is refused and changes nothing.
    const replay = await call(
      'POST',
      `${provider(PUNE)}/jobs/${routed.jobId}/reject`,
      'puneProvider',
      {
        reason: 'Out of PETG this week',
      },
    );
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('JOB_NOT_OFFERED');

    await call('POST', `${provider(HUB)}/jobs/${routed.jobId}/reject`, 'hubProvider', {
      reason: 'Printer booked solid',
    });
    const events = await changes(routed.jobId);
    expect(events.map((e) => [e.status, e.provider?.makerspaceId ?? null, e.reason])).toEqual([
      ['offered', puneId, null],
      ['rejected', puneId, 'Out of PETG this week'],
      ['offered', hubId, null],
      ['rejected', hubId, 'Printer booked solid'],
      ['unroutable', null, 'Every qualified provider declined the job or let it pass.'],
    ]);
    expect(new Set(events.map((e) => e.updateId)).size).toBe(events.length);
    // Each becomes the store's update body as the contract has it.
    for (const { updateId, serviceOrderId: _order, ...change } of events) {
      expect(serviceOrderUpdate.safeParse({ eventId: updateId, ...change }).success).toBe(true);
    }
    expect(events.every((e) => e.serviceOrderId)).toBe(true);
    // The store's update body can be made from each event.
    const [job] = await cave.app.db
      .select()
      .from(serviceJobs)
      .where(eq(serviceJobs.id, routed.jobId));
    expect(job).toMatchObject({ status: 'unroutable', makerspaceId: null });
  });

  it('passes on an offer nobody answered in time (the minute job)', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'nylon-pa12');
    await offer(PUNE, 'puneProvider', 'pune-k1', 'nylon-pa12');
    const routed = await route(order('nylon-pa12', { preferences: { location: PUNE_CENTRE } }));
    expect(routed.provider?.name).toBe('TinkerWorks Pune');
    // Not due yet: the job leaves it be.
    await cave.app.jobs.run('cave.fabrication.expire-offers');
    expect((await changes(routed.jobId)).map((c) => c.status)).toEqual(['offered']);
    await cave.app.db
      .update(serviceJobs)
      .set({ respondBy: new Date(Date.now() - 1000) })
      .where(eq(serviceJobs.id, routed.jobId));
    // Too late to accept, even before the job has run.
    const late = await call(
      'POST',
      `${provider(PUNE)}/jobs/${routed.jobId}/accept`,
      'puneProvider',
      {},
    );
    expect(late.status).toBe(409);
    await cave.app.jobs.run('cave.fabrication.expire-offers');
    expect((await changes(routed.jobId)).map((c) => c.status)).toEqual([
      'offered',
      'expired',
      'offered',
    ]);
    expect((await jobOf(PUNE, 'puneProvider', routed.jobId)).status).toBe('expired');
    expect((await jobOf(HUB, 'hubProvider', routed.jobId)).status).toBe('offered');
  });

  it('accepting holds the machine: members cannot book over a job, nor a job over a member', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'resin-tough');
    const bookings = `/api/v1/makerspaces/${HUB}/equipment/hub-mk4/reservations`;
    const first = await route(order('resin-tough', { printMinutes: 120 }));
    const at = slot(3);
    const accepted = await call(
      'POST',
      `${provider(HUB)}/jobs/${first.jobId}/accept`,
      'hubProvider',
      {
        startsAt: at.startsAt,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      machine: { equipmentId: machines['hub-mk4'] },
      slot: { startsAt: at.startsAt, endsAt: slot(3, 2).endsAt },
    });
    // The hold changes only with its job: no booking route reaches it, and it is no one's booking.
    const [hold] = await cave.app.db
      .select({ reservationId: serviceJobs.reservationId })
      .from(serviceJobs)
      .where(eq(serviceJobs.id, first.jobId));
    for (const [url, as] of [
      [`/api/v1/makerspaces/${HUB}/reservations/${hold!.reservationId}/cancel`, 'hubProvider'],
      [`/api/v1/makerspaces/${HUB}/admin/reservations/${hold!.reservationId}/cancel`, 'hubAdmin'],
    ] as const) {
      expect((await call('POST', url, as)).status).toBe(404);
    }
    expect((await call('GET', '/api/v1/reservations/mine', 'hubProvider')).body.items).toEqual([]);
    // A member booking inside the job's time is refused.
    const clash = await call('POST', bookings, 'hubMember', slot(3.1));
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('SLOT_TAKEN');

    // A member's booking keeps a job off that time: accept there is 409 and the job stays offered.
    const member = await call('POST', bookings, 'hubMember', slot(4));
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const second = await route(order('resin-tough', { printMinutes: 120 }));
    const refused = await call(
      'POST',
      `${provider(HUB)}/jobs/${second.jobId}/accept`,
      'hubProvider',
      {
        startsAt: new Date(Date.parse(slot(4).startsAt) - 30 * 60 * 1000).toISOString(),
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SLOT_TAKEN');
    expect((await jobOf(HUB, 'hubProvider', second.jobId)).status).toBe('offered');
    // Another makerspace's printer, or a laser of its own, is no machine for the job.
    for (const machine of ['pune-k1', 'hub-laser']) {
      const wrong = await call(
        'POST',
        `${provider(HUB)}/jobs/${second.jobId}/accept`,
        'hubProvider',
        { equipmentId: machines[machine] },
      );
      expect(wrong.status).toBe(422);
      expect(wrong.body.error.code).toBe('OFFERING_EQUIPMENT_INVALID');
    }
    expect((await jobOf(HUB, 'hubProvider', second.jobId)).status).toBe('offered');
    // Accepting at the earliest free time (the default) lands clear of both.
    const byDefault = await call(
      'POST',
      `${provider(HUB)}/jobs/${second.jobId}/accept`,
      'hubProvider',
      {},
    );
    expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(200);
    const held = byDefault.body.slot as { startsAt: string; endsAt: string };
    for (const taken of [{ startsAt: at.startsAt, endsAt: slot(3, 2).endsAt }, slot(4)]) {
      const overlaps =
        Date.parse(held.startsAt) < Date.parse(taken.endsAt) &&
        Date.parse(taken.startsAt) < Date.parse(held.endsAt);
      expect(overlaps).toBe(false);
    }
    // A start after which the print would be late is refused.
    const third = await route(order('resin-tough', { printMinutes: 120, dueBy: slot(2).startsAt }));
    const tooLate = await call(
      'POST',
      `${provider(HUB)}/jobs/${third.jobId}/accept`,
      'hubProvider',
      {
        startsAt: slot(5).startsAt,
      },
    );
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.code).toBe('JOB_SLOT_INVALID');
    expect((await changes(first.jobId)).map((c) => c.status)).toEqual(['offered', 'accepted']);
  });

  it('keeps routing off a machine whose only free time a member booked', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'resin-standard');
    await offer(PUNE, 'puneProvider', 'pune-k1', 'resin-standard');
    // Pune open one hour a day, and only on the day after tomorrow.
    const local = (days: number) =>
      DateTime.now().setZone('Asia/Kolkata').startOf('day').plus({ days }).toISODate()!;
    const hour = [{ opens: '10:00', closes: '11:00' }];
    const settings = `/api/v1/makerspaces/${PUNE}/settings`;
    const before = (await call('GET', settings, 'puneAdmin')).body;
    const narrowed = await call('PATCH', settings, 'puneAdmin', {
      openingHours: { mon: hour, tue: hour, wed: hour, thu: hour, fri: hour, sat: hour, sun: hour },
      closures: [
        { startsOn: local(-1), endsOn: local(1), reason: 'Test closure' },
        { startsOn: local(3), endsOn: local(40), reason: 'Test closure' },
      ],
    });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
    const wanted = {
      preferences: { location: PUNE_CENTRE },
      printMinutes: 60,
      dueBy: new Date(Date.now() + 5 * DAY).toISOString(),
    };
    expect((await route(order('resin-standard', wanted))).provider?.name).toBe('TinkerWorks Pune');
    const booked = await call(
      'POST',
      `/api/v1/makerspaces/${PUNE}/equipment/pune-k1/reservations`,
      'puneMember',
      slot(2),
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const routed = await route(order('resin-standard', wanted));
    expect(routed.provider?.makerspaceId).toBe(await spaceIdOf(HUB));
    const restored = await call('PATCH', settings, 'puneAdmin', {
      openingHours: before.openingHours,
      closures: before.closures,
    });
    expect(restored.status).toBe(200);
  });

  it('moves an accepted job forward only, reporting each step with its tracking link', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'pla', 'draft');
    const routed = await route({
      ...order('pla'),
      requirements: { ...order('pla').requirements, quality: 'draft' },
    });
    const url = `${provider(HUB)}/jobs/${routed.jobId}/status`;
    // Not accepted yet: nothing to move.
    expect((await call('POST', url, 'hubProvider', { status: 'printing' })).status).toBe(409);
    await call('POST', `${provider(HUB)}/jobs/${routed.jobId}/accept`, 'hubProvider', {});
    expect((await call('POST', url, 'hubProvider', { status: 'printing' })).status).toBe(200);
    expect((await call('POST', url, 'hubProvider', { status: 'quality_check' })).status).toBe(200);
    const back = await call('POST', url, 'hubProvider', { status: 'printing' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('JOB_STATUS_ORDER');
    expect((await call('POST', url, 'hubProvider', { status: 'shipped' })).status).toBe(400);
    expect((await call('POST', url, 'hubProvider', { status: 'accepted' })).status).toBe(400);
    expect(
      (
        await call('POST', url, 'puneProvider', {
          status: 'shipped',
          trackingUrl: 'https://track.example/1',
        })
      ).status,
    ).toBe(404);
    const shipped = await call('POST', url, 'hubProvider', {
      status: 'shipped',
      trackingUrl: 'https://track.example/MX1',
    });
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      trackingUrl: 'https://track.example/MX1',
    });
    expect((await call('POST', url, 'hubProvider', { status: 'delivered' })).status).toBe(200);
    expect((await call('POST', url, 'hubProvider', { status: 'delivered' })).status).toBe(409);
    const events = await changes(routed.jobId);
    expect(events.map((e) => e.status)).toEqual([
      'offered',
      'accepted',
      'printing',
      'quality_check',
      'shipped',
      'delivered',
    ]);
    expect(events.at(-2)?.trackingUrl).toBe('https://track.example/MX1');
  });

  it('reckons earnings: the platform fee rounded half up, what is owed, totals per currency', async () => {
    await offer(PUNE, 'puneProvider', 'pune-k1', 'asa');
    const accept = async (total: number) => {
      const routed = await route(order('asa', { total }));
      const accepted = await call(
        'POST',
        `${provider(PUNE)}/jobs/${routed.jobId}/accept`,
        'puneProvider',
        {},
      );
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      return routed.jobId;
    };
    const a = await accept(150_001);
    const b = await accept(12_345);
    const earnings: ProviderEarnings = (
      await call('GET', `${provider(PUNE)}/earnings`, 'puneProvider')
    ).body;
    const line = (jobId: string) => earnings.items.find((item) => item.jobId === jobId);
    expect(line(a)).toMatchObject({
      paidTotal: 150_001,
      platformFeeBps: 1000,
      platformFee: 15_000,
      owed: 135_001,
    });
    expect(line(b)).toMatchObject({ paidTotal: 12_345, platformFee: 1_235, owed: 11_110 });
    const inr = earnings.totals.find((t) => t.currency === 'INR')!;
    expect(inr.paidTotal).toBe(earnings.items.reduce((sum, item) => sum + item.paidTotal, 0));
    expect(inr.platformFee + inr.owed).toBe(inr.paidTotal);
    expect((await call('GET', `${provider(PUNE)}/earnings`, 'hubProvider')).status).toBe(404);
    expect((await call('GET', `${provider(PUNE)}/earnings`, 'puneMember')).status).toBe(403);
  });

  it('lists available providers to the store, and publicly only behind ENABLE_SERVICE_MARKETPLACE', async () => {
    const available = await call(
      'GET',
      '/api/v1/providers/available?material=abs&location=18.5,73.8',
      'store',
    );
    expect(available.status).toBe(200);
    const { providers } = available.body as ProvidersAvailable;
    expect(providers.map((p) => p.slug)).toEqual([PUNE, HUB]);
    expect(providers[0]).toMatchObject({
      name: 'TinkerWorks Pune',
      city: 'Pune',
      responseWindowMinutes: 240,
      location: { latitude: 18.52, longitude: 73.86 },
    });
    expect(providers[0]!.freeHoursNext14Days).toBeGreaterThan(0);
    expect(providers[0]!.offerings.every((o) => o.materialKey === 'abs')).toBe(true);
    expect(providers[1]!.rating).toEqual({ average: 5, count: 1 });
    const roomy = await call('GET', '/api/v1/providers/available?capacity=1000', 'store');
    expect(roomy.body.providers).toEqual([]);
    expect((await call('GET', '/api/v1/providers/available')).status).toBe(401);
    expect((await call('GET', '/api/v1/providers/available', 'hubProvider')).status).toBe(403);
    expect((await call('GET', '/api/v1/providers/available?location=north', 'store')).status).toBe(
      400,
    );

    expect((await call('GET', '/api/v1/providers')).status).toBe(404);
    await cave.app.db.insert(featureFlags).values({
      key: 'ENABLE_SERVICE_MARKETPLACE',
      scope: 'global',
      description: 'Fabrication services in the store.',
      enabled: true,
      targeting: {},
    });
    const open = await call('GET', '/api/v1/providers?material=abs');
    expect(open.status).toBe(200);
    expect(open.body.providers.map((p: { slug: string }) => p.slug).sort()).toEqual(
      [HUB, PUNE].sort(),
    );
  });

  it('seeds the demo providers once: a second seed changes nothing', async () => {
    const demo = async () =>
      (
        await cave.app.db
          .select({ materialKey: printOfferings.materialKey, quality: printOfferings.quality })
          .from(printOfferings)
          .where(eq(printOfferings.setupFee, 10_000))
      )
        .map((row) => `${row.materialKey}/${row.quality}`)
        .sort();
    const before = await demo();
    expect(before).toEqual(
      expect.arrayContaining(['pla/draft', 'pla/fine', 'petg/standard', 'resin-standard/fine']),
    );
    await seedDemoPrintOfferings(cave.app.db);
    await seedDemoPrintOfferings(cave.app.db);
    expect(await demo()).toEqual(before);
  });

  it('takes the customer’s rating of a delivered job from the store alone, once, into the provider’s rating', async () => {
    const tpu = await offer(PUNE, 'puneProvider', 'pune-k1', 'tpu', 'fine');
    const body = order('tpu', { preferences: { offeringId: tpu.id } });
    const routed = await route({
      ...body,
      requirements: { ...body.requirements, quality: 'fine' },
    });
    expect(routed.provider?.name).toBe('TinkerWorks Pune');
    const rating = { serviceOrderId: body.serviceOrderId, stars: 4, comment: 'Clean print.' };
    const rateUrl = `/api/v1/jobs/${routed.jobId}/rating`;
    const ratingOfPune = async () =>
      (
        (await call('GET', '/api/v1/providers/available', 'store')).body as ProvidersAvailable
      ).providers.find((p) => p.slug === PUNE)!.rating;
    const before = await ratingOfPune();

    // Not delivered yet: offered, then at every step on the way.
    const status = `${provider(PUNE)}/jobs/${routed.jobId}/status`;
    const early = await call('POST', rateUrl, 'store', rating);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'JOB_NOT_DELIVERED',
      details: { status: 'offered' },
    });
    await call('POST', `${provider(PUNE)}/jobs/${routed.jobId}/accept`, 'puneProvider', {});
    await call('POST', status, 'puneProvider', { status: 'printing' });
    const printing = await call('POST', rateUrl, 'store', rating);
    expect(printing.status).toBe(409);
    expect(printing.body.error.code).toBe('JOB_NOT_DELIVERED');
    await call('POST', status, 'puneProvider', {
      status: 'shipped',
      trackingUrl: 'https://track.example/TPU1',
    });
    expect((await call('POST', status, 'puneProvider', { status: 'delivered' })).status).toBe(200);

    // The store's token only; the job of another service order is not found.
    expect((await call('POST', rateUrl, undefined, rating)).status).toBe(401);
    for (const as of ['puneProvider', 'puneAdmin', 'hubMember', 'authService']) {
      expect((await call('POST', rateUrl, as, rating)).status, as).toBe(403);
    }
    const otherOrder = { ...rating, serviceOrderId: randomUUID() };
    expect((await call('POST', rateUrl, 'store', otherOrder)).status).toBe(404);
    expect(
      (await call('POST', `/api/v1/jobs/${randomUUID()}/rating`, 'store', rating)).status,
    ).toBe(404);
    for (const bad of [
      { ...rating, stars: 0 },
      { ...rating, stars: 6 },
      { ...rating, stars: 2.5 },
      { ...rating, comment: 'x'.repeat(1001) },
      { ...rating, serviceOrderId: 'nope' },
      { stars: 4, comment: null },
      { ...rating, extra: 1 },
    ]) {
      expect((await call('POST', rateUrl, 'store', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await ratingOfPune()).toEqual(before);

    const rated = await call('POST', rateUrl, 'store', rating);
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({ jobId: routed.jobId, stars: 4, comment: 'Clean print.' });
    // The store's outbox may deliver it again: the same rating is answered the same.
    expect((await call('POST', rateUrl, 'store', rating)).body).toEqual(rated.body);
    const other = await call('POST', rateUrl, 'store', { ...rating, stars: 1 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('JOB_ALREADY_RATED');

    const [job] = await cave.app.db
      .select({ rating: serviceJobs.rating, comment: serviceJobs.ratingComment })
      .from(serviceJobs)
      .where(eq(serviceJobs.id, routed.jobId));
    expect(job).toEqual({ rating: 4, comment: 'Clean print.' });
    const after = await ratingOfPune();
    expect(after.count).toBe(before.count + 1);
    expect(after.average).toBeCloseTo(
      ((before.average ?? 0) * before.count + 4) / (before.count + 1),
      6,
    );
  });

  const spaceIds: Record<string, string> = {};
  async function spaceIdOf(slug: string): Promise<string> {
    if (!spaceIds[slug]) {
      const rows = await cave.app.db.execute<{ id: string }>(
        sql`select id from makrcave.makerspaces where slug = ${slug}`,
      );
      spaceIds[slug] = rows.rows[0]!.id;
    }
    return spaceIds[slug]!;
  }

  it('lets at a job’s model and analysis only the providers it is with now; 502 while the store is away', async () => {
    await offer(HUB, 'hubProvider', 'hub-mk4', 'pla', 'fine');
    await offer(PUNE, 'puneProvider', 'pune-k1', 'pla', 'fine');
    const body = order('pla', { preferences: { location: PUNE_CENTRE } });
    const routed = await route({
      ...body,
      requirements: { ...body.requirements, quality: 'fine' },
    });
    expect(routed.provider?.name).toBe('TinkerWorks Pune');
    const urls = (space: string, jobId = routed.jobId) =>
      ['model', 'analysis'].map((part) => `${provider(space)}/jobs/${jobId}/${part}`);

    for (const url of urls(PUNE)) {
      expect((await call('GET', url)).status, url).toBe(401);
      expect((await call('GET', url, 'puneMember')).status, url).toBe(403);
      expect((await call('GET', url, 'puneAdmin')).status, url).toBe(403);
      expect((await call('GET', url, 'store')).status, url).toBe(403);
      // Another makerspace's provider finds nothing here.
      expect((await call('GET', url, 'hubProvider')).status, url).toBe(404);
      // The provider it is offered to is let through to the store, which does not answer.
      const away = await call('GET', url, 'puneProvider');
      expect(away.status, url).toBe(502);
      expect(away.body.error.code).toBe('STORE_UNREACHABLE');
    }
    // Not offered to the hub: its own provider finds nothing; nor any unknown or malformed id.
    for (const url of [...urls(HUB), ...urls(PUNE, randomUUID())]) {
      const missing = await call('GET', url, url.includes(HUB) ? 'hubProvider' : 'puneProvider');
      expect(missing.status, url).toBe(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
    }
    for (const url of urls(PUNE, 'not-a-job')) {
      expect((await call('GET', url, 'puneProvider')).status, url).toBe(400);
    }

    // Pune passes it on: the job is the hub's now, and Pune's no more.
    const rejected = await call(
      'POST',
      `${provider(PUNE)}/jobs/${routed.jobId}/reject`,
      'puneProvider',
      {
        reason: 'No fine nozzle this week',
      },
    );
    expect(rejected.status).toBe(200);
    for (const url of urls(PUNE)) {
      expect((await call('GET', url, 'puneProvider')).status, url).toBe(404);
    }
    for (const url of urls(HUB)) {
      expect((await call('GET', url, 'hubProvider')).status, url).toBe(502);
    }
  });

  it('lists the prints ordered for a project to its owner, and to nobody who merely names it', async () => {
    const owners = await seedDemoProjectsWithOwners(cave.app.db);
    const milo = owners['member@demo.makrx.org']!;
    const marta = owners['marta-silva@makers.demo.makrx.org']!;
    await joinAs(cave.app.db, HUB, milo, 'member');
    tokens.milo = await issuer.userToken({ id: milo, username: 'member', realmRoles: [] });
    await joinAs(cave.app.db, PUNE, marta, 'member');
    tokens.marta = await issuer.userToken({ id: marta, username: 'marta', realmRoles: [] });
    const greenhouse = await changeProject(cave.app.db, 'greenhouse-climate-controller', {});
    const forProject = (userId: string, name: string) => ({
      ...order('pla'),
      customer: { userId, name },
      projectId: greenhouse,
    });
    const mine = await route(forProject(milo, 'Milo Member'));
    // Marta names Milo's private project in her order: it is not listed there.
    await route(forProject(marta, 'Marta Silva'));
    const url = '/api/v1/projects/greenhouse-climate-controller/print-orders';
    const listed = await call('GET', url, 'milo');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        jobId: mine.jobId,
        orderedBy: 'Milo Member',
        fileName: 'bracket.stl',
        materialKey: 'pla',
        quantity: 2,
      }),
    ]);
    expect((await call('GET', url)).status).toBe(401);
    // A private project is not there for anyone else.
    expect((await call('GET', url, 'marta')).status).toBe(404);
    // A public one is there to read, but its prints are its owner's and editors'.
    const publicOne = await call(
      'GET',
      '/api/v1/projects/flat-pack-plywood-stool/print-orders',
      'milo',
    );
    expect(publicOne.status).toBe(403);
    expect(publicOne.body.error.code).toBe('PROJECT_ROLE_TOO_LOW');
  });
});
