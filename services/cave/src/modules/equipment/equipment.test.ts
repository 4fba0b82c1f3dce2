import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MachineDetail, MachineList, Makerspace } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo } from '../memberships/testing';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const hub = `/api/v1/makerspaces/${HUB}/equipment`;
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const newMachine = (slug: string, name = `Test machine ${slug}`) => ({
  name,
  slug,
  type: '3d_printer',
  make: 'Prusa Research',
  model: 'Original Prusa MK4S',
  location: 'Print farm, shelf C',
  specifications: { buildVolumeMm: { x: 250, y: 210, z: 220 }, materials: ['PLA'] },
  hourlyRateCents: 325,
});

/** Every write of one machine, with a body that would be accepted from an admin. */
const writesOf = (base: string, windowId = '00000000-0000-4000-8000-000000000000') =>
  [
    ['PATCH', base, { hourlyRateCents: 1 }],
    ['POST', `${base}/archive`, undefined],
    ['PUT', `${base}/status`, { status: 'offline' }],
    ['POST', `${base}/maintenance-log`, { summary: 'Tightened the belts' }],
    [
      'POST',
      `${base}/maintenance-windows`,
      { startsAt: inDays(3), endsAt: inDays(3.1), reason: 'Belts' },
    ],
    ['DELETE', `${base}/maintenance-windows/${windowId}`, undefined],
  ] as const;

describe.each(testDrivers)('MakrCave equipment over %s', (driver) => {
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
  const machine = async (slug: string): Promise<MachineDetail> =>
    (await call('GET', `${hub}/${slug}`, 'hubMember')).body;
  const auditCount = async () =>
    (
      await cave.app.db
        .select({ n: sql<number>`cast(count(*) as integer)` })
        .from(auditLogs)
        .where(eq(auditLogs.entityType, 'equipment'))
    )[0]!.n;
  const create = async (slug: string) => {
    const created = await call('POST', hub, 'hubAdmin', newMachine(slug));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as MachineDetail;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      hubProvider: [HUB, 'service_provider'],
      puneAdmin: [PUNE, 'makerspace_admin'],
      puneMember: [PUNE, 'member'],
    } as const;
    for (const [username, [space, role]] of Object.entries(people)) {
      const id = await addMemberTo(cave.app.db, space, username, role);
      tokens[username] = await issuer.userToken({ id, username, realmRoles: [] });
    }
    tokens.stranger = await issuer.userToken({ username: 'stranger', realmRoles: [] });
    tokens.caveAdmin = await issuer.userToken({
      username: 'caveadmin',
      realmRoles: ['admin', 'admin:cave'],
    });
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lists the hub’s dozen demo machines to a member, filtered by type and status', async () => {
    const all = await call('GET', hub, 'hubMember');
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const items = (all.body as MachineList).items;
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Prusa MK4 #1', 'Bambu Lab X1 Carbon', 'Shapeoko 5 Pro']),
    );
    const lasers: MachineList = (await call('GET', `${hub}?type=laser_cutter`, 'hubMember')).body;
    expect(lasers.items.map((m) => m.specifications.laserPowerW).sort()).toEqual([55, 60]);
    const down: MachineList = (await call('GET', `${hub}?status=maintenance`, 'hubMember')).body;
    expect(down.items.map((m) => m.slug)).toEqual(['formlabs-form-3']);
    expect((await call('GET', `${hub}?type=teleporter`, 'hubMember')).status).toBe(400);
  });

  it('shows one machine with its specifications, next week’s maintenance and its log', async () => {
    const cnc = await machine('shapeoko-5-pro');
    expect(cnc).toMatchObject({
      name: 'Shapeoko 5 Pro',
      type: 'cnc_mill',
      make: 'Carbide 3D',
      requiresTraining: true,
      specifications: { buildVolumeMm: { x: 1245, y: 1245, z: 120 } },
    });
    expect(cnc.upcomingMaintenance).toHaveLength(1);
    const [window] = cnc.upcomingMaintenance;
    expect(Date.parse(window!.startsAt)).toBeGreaterThan(Date.now() + 5 * DAY);
    expect(Date.parse(window!.endsAt)).toBeGreaterThan(Date.parse(window!.startsAt));
    const resin = await machine('formlabs-form-3');
    expect(resin.recentMaintenance[0]?.summary).toMatch(/tank/);
    expect((await call('GET', `${hub}/no-such-machine`, 'hubMember')).status).toBe(404);
  });

  it('keeps the public makerspace page in step: kinds read from the machines’ types', async () => {
    const page: Makerspace = (await call('GET', `/api/v1/makerspaces/${HUB}`)).body;
    expect(page.equipment.length).toBeGreaterThanOrEqual(12);
    expect(page.equipmentKinds).toEqual(
      expect.arrayContaining(['3D printer', 'Laser cutter', 'CNC mill', 'Vinyl cutter']),
    );
  });

  it('lets a makerspace admin add, change and archive a machine, each change audited', async () => {
    const before = await auditCount();
    const created = await create('mk4s-audit');
    // Every answer with a rate says the currency it is in: the hub's, rupees (in paise).
    expect(created).toMatchObject({
      status: 'available',
      archivedAt: null,
      hourlyRateCents: 325,
      currency: 'INR',
    });
    const changed = await call('PATCH', `${hub}/mk4s-audit`, 'hubAdmin', {
      hourlyRateCents: 350,
      specifications: { nozzleDiameterMm: 0.25, materials: ['PLA', 'PETG'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ hourlyRateCents: 350, currency: 'INR' });
    expect((await machine('mk4s-audit')).specifications).toEqual({
      nozzleDiameterMm: 0.25,
      materials: ['PLA', 'PETG'],
    });
    const archived = await call('POST', `${hub}/mk4s-audit/archive`, 'hubAdmin');
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ currency: 'INR', archivedAt: expect.any(String) });
    const list: MachineList = (await call('GET', hub, 'hubMember')).body;
    expect(list.items.map((m) => m.slug)).not.toContain('mk4s-audit');
    expect((await machine('mk4s-audit')).archivedAt).not.toBeNull();
    const rows = await cave.app.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, 'equipment'), eq(auditLogs.entityId, created.id)))
      .orderBy(auditLogs.id);
    expect(rows.map((r) => r.action)).toEqual([
      'equipment.created',
      'equipment.updated',
      'equipment.archived',
    ]);
    expect(rows[1]).toMatchObject({
      service: 'cave',
      before: expect.objectContaining({ hourlyRateCents: 325 }),
      after: expect.objectContaining({ hourlyRateCents: 350 }),
    });
    expect(await auditCount()).toBe(before + 3);
  });

  it('refuses a second machine of the same name or slug in one makerspace with 409', async () => {
    await create('dup-check');
    const sameName = await call(
      'POST',
      hub,
      'hubAdmin',
      newMachine('dup-check-2', 'Test machine dup-check'),
    );
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.code).toBe('EQUIPMENT_NAME_TAKEN');
    const sameSlug = await call('POST', hub, 'hubAdmin', newMachine('dup-check', 'Another name'));
    expect(sameSlug.status).toBe(409);
    expect(sameSlug.body.error.code).toBe('SLUG_TAKEN');
    // Another makerspace may use both.
    expect(
      (
        await call(
          'POST',
          `/api/v1/makerspaces/${PUNE}/equipment`,
          'puneAdmin',
          newMachine('dup-check'),
        )
      ).status,
    ).toBe(201);
  });

  it('changes a machine’s status, audited and published as cave.equipment.status-changed', async () => {
    const created = await create('status-check');
    const changed = await call('PUT', `${hub}/status-check/status`, 'hubAdmin', {
      status: 'maintenance',
      note: 'Bed levelling off',
    });
    expect(changed.status).toBe(200);
    expect((await machine('status-check')).status).toBe('maintenance');
    const events = await cave.app.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'cave.equipment.status-changed'));
    expect(events.map((e) => e.payload)).toContainEqual({
      equipmentId: created.id,
      makerspaceId: expect.any(String),
      from: 'available',
      to: 'maintenance',
    });
    // The same status again changes nothing and publishes nothing.
    const audited = await auditCount();
    await call('PUT', `${hub}/status-check/status`, 'hubAdmin', { status: 'maintenance' });
    expect(await auditCount()).toBe(audited);
  });

  it('lets the makerspace’s service provider run its machines, as the access matrix gives them', async () => {
    await create('provider-run');
    const audited = await auditCount();
    const status = await call('PUT', `${hub}/provider-run/status`, 'hubProvider', {
      status: 'in_use',
    });
    expect(status.status).toBe(200);
    const logged = await call('POST', `${hub}/provider-run/maintenance-log`, 'hubProvider', {
      summary: 'Swapped the nozzle for a 0.6 mm one',
    });
    expect(logged.status).toBe(201);
    const seen = await machine('provider-run');
    expect(seen.status).toBe('in_use');
    expect(seen.recentMaintenance.map((entry) => entry.summary)).toContain(
      'Swapped the nozzle for a 0.6 mm one',
    );
    expect(await auditCount()).toBe(audited + 2);
  });

  it('logs maintenance and schedules and cancels maintenance windows', async () => {
    await create('maintained');
    const logged = await call('POST', `${hub}/maintained/maintenance-log`, 'hubAdmin', {
      summary: 'Replaced the PTFE tube',
      notes: 'Stringing gone.',
    });
    expect(logged.status).toBe(201);
    expect(logged.body.performedBy).toMatchObject({ displayName: 'hubAdmin' });
    expect((await machine('maintained')).recentMaintenance[0]).toMatchObject({
      summary: 'Replaced the PTFE tube',
      notes: 'Stringing gone.',
    });
    const earlier = inDays(-3);
    const backdated = await call('POST', `${hub}/maintained/maintenance-log`, 'hubAdmin', {
      summary: 'Greased the Z screws',
      performedAt: earlier,
    });
    expect(backdated.status).toBe(201);
    expect(backdated.body.performedAt).toBe(earlier);
    expect((await machine('maintained')).recentMaintenance.map((e) => e.summary)).toEqual([
      'Replaced the PTFE tube',
      'Greased the Z screws',
    ]);
    const scheduled = await call('POST', `${hub}/maintained/maintenance-windows`, 'hubAdmin', {
      startsAt: inDays(2),
      endsAt: inDays(2.25),
      reason: 'Firmware update and calibration',
    });
    expect(scheduled.status).toBe(201);
    expect((await machine('maintained')).upcomingMaintenance).toEqual([scheduled.body]);
    const windowUrl = `${hub}/maintained/maintenance-windows/${scheduled.body.id}`;
    expect((await call('DELETE', windowUrl, 'hubAdmin')).status).toBe(204);
    expect((await machine('maintained')).upcomingMaintenance).toEqual([]);
    expect((await call('DELETE', windowUrl, 'hubAdmin')).status).toBe(404);
  });

  it('answers a guest 401 on every route, and a member’s write 403, changing nothing', async () => {
    await create('guarded');
    const before = await machine('guarded');
    const audited = await auditCount();
    const reads = [hub, `${hub}/guarded`];
    for (const url of reads) expect((await call('GET', url)).status).toBe(401);
    const writes = [['POST', hub, newMachine('sneaky')], ...writesOf(`${hub}/guarded`)] as const;
    for (const [method, url, body] of writes) {
      expect((await call(method, url, undefined, body)).status, `${method} ${url}`).toBe(401);
      const refused = await call(method, url, 'hubMember', body);
      expect(refused.status, `hubMember ${method} ${url}`).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    expect((await call('GET', `${hub}/guarded`, 'hubProvider')).status).toBe(200);
    expect(await machine('guarded')).toEqual(before);
    expect(await auditCount()).toBe(audited);
    expect((await call('GET', `${hub}/sneaky`, 'hubAdmin')).status).toBe(404);
  });

  it('answers 404 for every machine of another makerspace, read or written, changing nothing', async () => {
    const target = await create('not-yours');
    const window = await call('POST', `${hub}/not-yours/maintenance-windows`, 'hubAdmin', {
      startsAt: inDays(4),
      endsAt: inDays(4.1),
      reason: 'Nozzle change',
    });
    const before = await machine('not-yours');
    const audited = await auditCount();
    // Through their own makerspace, the machine is not there.
    const viaPune = `/api/v1/makerspaces/${PUNE}/equipment/not-yours`;
    for (const who of ['puneAdmin', 'puneMember']) {
      expect((await call('GET', viaPune, who)).status, who).toBe(404);
      for (const [method, url, body] of writesOf(viaPune, window.body.id)) {
        if (who === 'puneMember') continue; // a member's writes stop at 403 before any lookup
        const answer = await call(method, url, who, body);
        expect(answer.status, `${who} ${method} ${url}`).toBe(404);
        expect(answer.body.error.code).toBe('NOT_FOUND');
      }
    }
    const puneList: MachineList = (
      await call('GET', `/api/v1/makerspaces/${PUNE}/equipment`, 'puneMember')
    ).body;
    expect(puneList.items.map((m) => m.id)).not.toContain(target.id);
    // Through the hub's own address: members of another makerspace are told it is not there, so
    // makerspaces cannot be probed; someone in no makerspace gets the matrix's 403, the same for
    // every makerspace.
    for (const [who, status] of [
      ['puneAdmin', 404],
      ['puneMember', 404],
      ['stranger', 403],
    ] as const) {
      expect((await call('GET', `${hub}/not-yours`, who)).status, who).toBe(status);
      for (const [method, url, body] of writesOf(`${hub}/not-yours`, window.body.id))
        expect((await call(method, url, who, body)).status, `${who} ${method} ${url}`).toBe(status);
    }
    expect(await machine('not-yours')).toEqual(before);
    expect(await auditCount()).toBe(audited);
    // A cave admin runs every makerspace.
    expect((await call('GET', `${hub}/not-yours`, 'caveAdmin')).status).toBe(200);
  });

  it('refuses malformed bodies with 400 and changes nothing', async () => {
    await create('validated');
    const before = await machine('validated');
    const audited = await auditCount();
    const bad: Array<[Method, string, unknown, string]> = [
      ['POST', hub, { ...newMachine('v2'), hourlyRateCents: -1 }, 'hourlyRateCents'],
      ['POST', hub, { ...newMachine('v3'), type: 'teleporter' }, 'type'],
      ['POST', hub, { ...newMachine('v4'), slug: 'Not A Slug' }, 'slug'],
      [
        'POST',
        hub,
        { ...newMachine('v5'), specifications: { nozzleDiameterMm: 'wide' } },
        'specifications.nozzleDiameterMm',
      ],
      ['POST', hub, { ...newMachine('v6'), specifications: { colour: 'red' } }, 'specifications'],
      ['POST', hub, { ...newMachine('v7'), hourlyRateCents: 3.5 }, 'hourlyRateCents'],
      ['PATCH', `${hub}/validated`, {}, ''],
      ['PATCH', `${hub}/validated`, { status: 'offline' }, ''],
      [
        'PATCH',
        `${hub}/validated`,
        { specifications: { buildVolumeMm: { x: 1, y: 2 } } },
        'specifications.buildVolumeMm.z',
      ],
      ['PUT', `${hub}/validated/status`, { status: 'broken' }, 'status'],
      ['POST', `${hub}/validated/maintenance-log`, { summary: '' }, 'summary'],
      [
        'POST',
        `${hub}/validated/maintenance-log`,
        { summary: 'Later', performedAt: inDays(3) },
        'performedAt',
      ],
      [
        'POST',
        `${hub}/validated/maintenance-windows`,
        { startsAt: inDays(2), endsAt: inDays(1), reason: 'Backwards' },
        'endsAt',
      ],
      [
        'POST',
        `${hub}/validated/maintenance-windows`,
        { startsAt: inDays(2), endsAt: inDays(2), reason: 'Empty' },
        'endsAt',
      ],
      [
        'POST',
        `${hub}/validated/maintenance-windows`,
        { startsAt: 'next tuesday', endsAt: inDays(1), reason: 'Vague' },
        'startsAt',
      ],
      [
        'POST',
        `${hub}/validated/maintenance-windows`,
        { startsAt: inDays(-2), endsAt: inDays(-1), reason: 'Already over' },
        'endsAt',
      ],
      ['DELETE', `${hub}/validated/maintenance-windows/not-a-uuid`, undefined, 'windowId'],
    ];
    for (const [method, url, body, field] of bad) {
      const answer = await call(method, url, 'hubAdmin', body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(JSON.stringify(answer.body.error.details)).toContain(field.split('.')[0]);
    }
    expect(await machine('validated')).toEqual(before);
    expect(await auditCount()).toBe(audited);
    const list: MachineList = (await call('GET', hub, 'hubMember')).body;
    expect(list.items.map((m) => m.slug).filter((s) => /^v\d$/.test(s))).toEqual([]);
  });

  it('refuses every change to an archived machine with 409, changing nothing', async () => {
    await create('retired');
    const window = await call('POST', `${hub}/retired/maintenance-windows`, 'hubAdmin', {
      startsAt: inDays(5),
      endsAt: inDays(5.1),
      reason: 'Before it went',
    });
    expect((await call('POST', `${hub}/retired/archive`, 'hubAdmin')).status).toBe(200);
    const before = await machine('retired');
    const audited = await auditCount();
    for (const [method, url, body] of writesOf(`${hub}/retired`, window.body.id)) {
      const answer = await call(method, url, 'hubAdmin', body);
      expect(answer.status, `${method} ${url}`).toBe(409);
      expect(answer.body.error.code).toBe('EQUIPMENT_ARCHIVED');
    }
    expect(await machine('retired')).toEqual(before);
    expect(await auditCount()).toBe(audited);
  });

  it('keeps maintenance windows bounded in the database and finds overlaps from the GiST index', async () => {
    const { id } = await create('ranges');
    const insert = (range: string) =>
      cave.app.db.execute(
        sql`insert into makrcave.equipment_maintenance_windows (equipment_id, during, reason) values (${id}, ${range}::tstzrange, 'x')`,
      );
    await expect(insert('[2030-01-01 10:00+00,2030-01-01 10:00+00)')).rejects.toThrow();
    await expect(insert('[2030-01-01 10:00+00,)')).rejects.toThrow();
    const plan = await cave.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute(
        sql`explain select id from makrcave.equipment_maintenance_windows where during && tstzrange(now(), now() + interval '1 hour')`,
      );
      return JSON.stringify(rows.rows);
    });
    expect(plan).toContain('equipment_maintenance_windows_during_idx');
  });
});
