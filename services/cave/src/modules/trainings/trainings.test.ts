import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  MachineDetail,
  MyTrainings,
  SessionAttendeeList,
  Training,
  TrainingList,
  TrainingPass,
  TrainingSession,
  TrainingSessionList,
} from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo, seedDemoMembersWithAccounts } from '../memberships/testing';
import { seedDemoTrainings } from './demo-trainings';
import { trainingPasses, trainingSessions, trainingSignUps } from './tables';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const space = (slug: string) => `/api/v1/makerspaces/${slug}`;
const trainingsOf = (slug: string) => `${space(slug)}/trainings`;
const hubTrainings = trainingsOf(HUB);
const sessionUrl = (id: string, action = '') => `${hubTrainings}/sessions/${id}${action}`;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
/** An hour's booking `days` (≥ 1) from now, 11:00 in Bengaluru: inside a workshop's hours. */
const slot = (days: number) => {
  const start = new Date(Date.now() + days * DAY);
  start.setUTCHours(5, 30, 0, 0);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
  };
};
const sessionInput = (days: number, seats: number, extra: Record<string, unknown> = {}) => ({
  startsAt: at(days * DAY),
  endsAt: at(days * DAY + 2 * HOUR),
  seats,
  location: 'Laser room',
  ...extra,
});

describe.each(testDrivers)('MakrCave trainings over %s', (driver) => {
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
  const ok = async (method: Method, url: string, as: string, body?: unknown) => {
    const answer = await call(method, url, as, body);
    expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  };
  const newTraining = async (name: string, extra: Record<string, unknown> = {}) =>
    (await ok('POST', hubTrainings, 'hubAdmin', {
      name,
      durationMinutes: 90,
      ...extra,
    })) as Training;
  const newSession = async (trainingId: string, days: number, seats: number) =>
    (await ok(
      'POST',
      `${hubTrainings}/${trainingId}/sessions`,
      'hubAdmin',
      sessionInput(days, seats),
    )) as TrainingSession;
  const notificationsTo = async (userId: string) =>
    (
      await cave.app.db
        .select({ payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.type, 'notification.requested'),
            sql`${outboxEvents.payload}->>'userId' = ${userId}`,
          ),
        )
        .orderBy(outboxEvents.id)
    ).map((event) => (event.payload as { title: string; body: string }).title);
  const auditActions = async (trainingId: string) =>
    (
      await cave.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.entityType, 'training'), eq(auditLogs.entityId, trainingId)))
        .orderBy(auditLogs.id)
    ).map((row) => row.action);
  const book = (machine: string, as: string, days: number) =>
    call('POST', `${space(HUB)}/equipment/${machine}/reservations`, as, slot(days));

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      hubOther: [HUB, 'member'],
      hubThird: [HUB, 'member'],
      hubProvider: [HUB, 'service_provider'],
      puneMember: [PUNE, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
    } as const;
    for (const [username, [slug, role]] of Object.entries(people)) {
      ids[username] = await addMemberTo(cave.app.db, slug, username, role);
      tokens[username] = await issuer.userToken({ id: ids[username], username, realmRoles: [] });
    }
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('shows members the hub’s demo trainings with their machines and upcoming sessions', async () => {
    const list: TrainingList = await ok('GET', hubTrainings, 'hubMember');
    const laser = list.items.find((t) => t.name === 'Laser cutter safety');
    expect(laser?.machines.map((m) => m.slug).sort()).toEqual([
      'trotec-speedy-360',
      'xtool-p2-55-w-co',
    ]);
    expect(list.items.map((t) => t.name)).toEqual(
      expect.arrayContaining(['CNC mill induction', 'Resin printing basics']),
    );
    const sessions: TrainingSessionList = await ok(
      'GET',
      `${hubTrainings}/sessions?trainingId=${laser!.id}`,
      'hubMember',
    );
    expect(sessions.items.length).toBeGreaterThanOrEqual(2);
    for (const session of sessions.items) {
      expect(session.training).toEqual({ id: laser!.id, name: 'Laser cutter safety' });
      expect(Date.parse(session.startsAt)).toBeGreaterThan(Date.now());
      expect(Date.parse(session.startsAt)).toBeLessThan(Date.now() + 15 * DAY);
      expect(session).toMatchObject({ seats: 6, seatsLeft: 6, signedUp: false });
    }
    const machine: MachineDetail = await ok(
      'GET',
      `${space(HUB)}/equipment/shapeoko-5-pro`,
      'hubMember',
    );
    expect(machine.training?.name).toBe('CNC mill induction');
    expect(machine.requiresTraining).toBe(true);
  });

  it('seeds passes for the demo provider and member, but not the member’s laser pass', async () => {
    const demo = await seedDemoMembersWithAccounts(cave.app.db);
    await seedDemoTrainings(cave.app.db);
    for (const name of ['member', 'provider']) {
      const id = demo[`${name}@demo.makrx.org`]!;
      tokens[name] = await issuer.userToken({ id, username: name, realmRoles: [] });
    }
    const member: MyTrainings = await ok('GET', '/api/v1/trainings/mine', 'member');
    expect(member.passes.map((p) => [p.training.name, p.valid])).toEqual([
      ['Resin printing basics', true],
    ]);
    expect(member.signUps.map((s) => s.training.name)).toEqual(['CNC mill induction']);
    expect(member.signUps[0]?.seatsLeft).toBe(3);
    const refused = await book('xtool-p2-55-w-co', 'member', 8);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'TRAINING_REQUIRED']);
    expect(refused.body.error.message).toMatch(
      /^Book the xTool P2 55 W CO₂ after passing Laser cutter safety — next session \w{3} \d{1,2} \w{3}, \d{2}:\d{2}, 6 seats left\.$/,
    );
    expect((await book('xtool-p2-55-w-co', 'provider', 8)).status).toBe(201);
    expect((await book('formlabs-form-3', 'member', 9)).status).toBe(201);
  });

  it('lets a member take a seat and give it back; a second seat, a full, past or cancelled session are refused', async () => {
    const training = await newTraining('Soldering basics');
    const session = await newSession(training.id, 3, 2);

    const taken: TrainingSession = await ok(
      'POST',
      sessionUrl(session.id, '/sign-up'),
      'hubMember',
    );
    expect(taken).toMatchObject({ seatsLeft: 1, signedUp: true });
    const twice = await call('POST', sessionUrl(session.id, '/sign-up'), 'hubMember');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_SIGNED_UP']);
    await ok('POST', sessionUrl(session.id, '/sign-up'), 'hubOther');
    const full = await call('POST', sessionUrl(session.id, '/sign-up'), 'hubThird');
    expect([full.status, full.body.error.code]).toEqual([409, 'SESSION_FULL']);
    expect(full.body.error.details).toEqual({ seats: 2 });
    expect(await notificationsTo(ids.hubMember!)).toContain('You have a seat at Soldering basics');

    const given: TrainingSession = await ok(
      'DELETE',
      sessionUrl(session.id, '/sign-up'),
      'hubMember',
    );
    expect(given).toMatchObject({ seatsLeft: 1, signedUp: false });
    const again = await call('DELETE', sessionUrl(session.id, '/sign-up'), 'hubMember');
    expect(again.status).toBe(404);
    await ok('POST', sessionUrl(session.id, '/sign-up'), 'hubThird');

    const cancelled: TrainingSession = await ok(
      'POST',
      sessionUrl(session.id, '/cancel'),
      'hubAdmin',
    );
    expect(cancelled.cancelledAt).not.toBeNull();
    for (const who of ['hubOther', 'hubThird']) {
      expect(await notificationsTo(ids[who]!)).toContainEqual(
        expect.stringMatching(/^Soldering basics on .+ is cancelled$/),
      );
    }
    const late = await call('POST', sessionUrl(session.id, '/sign-up'), 'hubMember');
    expect([late.status, late.body.error.code]).toEqual([409, 'SESSION_CANCELLED']);
    const recancel = await call('POST', sessionUrl(session.id, '/cancel'), 'hubAdmin');
    expect(recancel.body.error.code).toBe('SESSION_CANCELLED');

    const past = await newSession(training.id, 4, 5);
    await cave.app.db
      .update(trainingSessions)
      .set({ startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() - DAY + HOUR) })
      .where(eq(trainingSessions.id, past.id));
    const tooLate = await call('POST', sessionUrl(past.id, '/sign-up'), 'hubMember');
    expect([tooLate.status, tooLate.body.error.code]).toEqual([409, 'SESSION_PAST']);
    expect(
      await cave.app.db
        .select()
        .from(trainingSignUps)
        .where(eq(trainingSignUps.sessionId, past.id)),
    ).toEqual([]);
    expect(await auditActions(training.id)).toEqual([
      'training.created',
      'training.session-scheduled',
      'training.signed-up',
      'training.signed-up',
      'training.sign-up-cancelled',
      'training.signed-up',
      'training.session-cancelled',
      'training.session-scheduled',
    ]);
  });

  it('lets an admin change a session, but never below its sign-ups nor with an outsider teaching', async () => {
    const training = await newTraining('Vinyl cutting');
    const session = await newSession(training.id, 5, 3);
    await ok('POST', sessionUrl(session.id, '/sign-up'), 'hubMember');
    await ok('POST', sessionUrl(session.id, '/sign-up'), 'hubOther');
    const tooFew = await call('PATCH', sessionUrl(session.id), 'hubAdmin', { seats: 1 });
    expect([tooFew.status, tooFew.body.error.code]).toEqual([409, 'SEATS_BELOW_SIGNUPS']);
    expect(tooFew.body.error.details).toEqual({ signedUp: 2 });
    const outsider = await call('PATCH', sessionUrl(session.id), 'hubAdmin', {
      instructorId: ids.puneMember,
    });
    expect([outsider.status, outsider.body.error.code]).toEqual([422, 'NOT_A_MEMBER']);
    const changed: TrainingSession = await ok('PATCH', sessionUrl(session.id), 'hubAdmin', {
      seats: 2,
      location: 'Craft corner',
      instructorId: ids.hubProvider,
    });
    expect(changed).toMatchObject({
      seats: 2,
      seatsLeft: 0,
      location: 'Craft corner',
      instructor: { id: ids.hubProvider, displayName: 'hubProvider' },
    });
    const attendees: SessionAttendeeList = await ok(
      'GET',
      sessionUrl(session.id, '/attendees'),
      'hubAdmin',
    );
    expect(attendees.items.map((a) => [a.displayName, a.passed])).toEqual([
      ['hubMember', false],
      ['hubOther', false],
    ]);
  });

  it('refuses bad bodies with 400 naming the field, changing nothing', async () => {
    const training = await newTraining('Bad bodies');
    const before = await cave.app.db.select().from(trainingSessions);
    const refusals: [Method, string, unknown][] = [
      ['POST', hubTrainings, { name: '', durationMinutes: 60 }],
      ['POST', hubTrainings, { name: 'No length' }],
      ['POST', hubTrainings, { name: 'Zero', durationMinutes: 0 }],
      ['POST', hubTrainings, { name: 'Forever?', durationMinutes: 60, validityMonths: 0 }],
      ['POST', hubTrainings, { name: 'Extra', durationMinutes: 60, archivedAt: at(0) }],
      ['PATCH', `${hubTrainings}/${training.id}`, {}],
      ['POST', `${hubTrainings}/${training.id}/sessions`, sessionInput(2, 0)],
      ['POST', `${hubTrainings}/${training.id}/sessions`, sessionInput(-1, 4)],
      [
        'POST',
        `${hubTrainings}/${training.id}/sessions`,
        { ...sessionInput(2, 4), endsAt: at(DAY) },
      ],
      ['POST', `${hubTrainings}/${training.id}/sessions`, { ...sessionInput(2, 4), seats: 'six' }],
      ['POST', `${hubTrainings}/${training.id}/passes`, { userId: 'milo' }],
      ['POST', `${hubTrainings}/${training.id}/passes`, { userId: ids.hubMember, by: 'me' }],
      ['POST', `${hubTrainings}/not-a-uuid/sessions`, sessionInput(2, 4)],
    ];
    for (const [method, url, body] of refusals) {
      const refused = await call(method, url, 'hubAdmin', body);
      expect(refused.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await cave.app.db.select().from(trainingSessions)).toEqual(before);
    const taken = await call('POST', hubTrainings, 'hubAdmin', {
      name: 'Bad bodies',
      durationMinutes: 30,
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'TRAINING_NAME_TAKEN']);
  });

  it('answers guests 401, members on admin routes 403 and another makerspace 404, changing nothing', async () => {
    const training = await newTraining('Access walk');
    const session = await newSession(training.id, 6, 4);
    const pass: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/${training.id}/passes`,
      'hubAdmin',
      {
        userId: ids.hubOther,
      },
    );
    const memberRoutes: [Method, string, unknown?][] = [
      ['GET', hubTrainings],
      ['GET', `${hubTrainings}/sessions`],
      ['GET', `${hubTrainings}/${training.id}`],
      ['POST', sessionUrl(session.id, '/sign-up')],
      ['DELETE', sessionUrl(session.id, '/sign-up')],
    ];
    const adminRoutes: [Method, string, unknown?][] = [
      ['POST', hubTrainings, { name: 'Sneaky', durationMinutes: 30 }],
      ['PATCH', `${hubTrainings}/${training.id}`, { name: 'Renamed' }],
      ['POST', `${hubTrainings}/${training.id}/archive`],
      ['POST', `${hubTrainings}/${training.id}/sessions`, sessionInput(3, 3)],
      ['PATCH', sessionUrl(session.id), { seats: 9 }],
      ['POST', sessionUrl(session.id, '/cancel')],
      ['GET', sessionUrl(session.id, '/attendees')],
      ['GET', `${hubTrainings}/${training.id}/passes`],
      ['POST', `${hubTrainings}/${training.id}/passes`, { userId: ids.hubMember }],
      ['POST', `${hubTrainings}/passes/${pass.id}/revoke`],
    ];
    const snapshot = async () => ({
      sessions: await cave.app.db.select().from(trainingSessions),
      signUps: await cave.app.db.select().from(trainingSignUps),
      passes: await cave.app.db.select().from(trainingPasses),
    });
    const before = await snapshot();
    for (const [method, url, body] of [...memberRoutes, ...adminRoutes]) {
      expect((await call(method, url, undefined, body)).status, `guest ${method} ${url}`).toBe(401);
      for (const outsider of ['puneMember', 'puneAdmin']) {
        const refused = await call(method, url, outsider, body);
        expect(refused.status, `${outsider} ${method} ${url}`).toBe(404);
      }
    }
    for (const [method, url, body] of adminRoutes) {
      for (const member of ['hubMember', 'hubProvider']) {
        const refused = await call(method, url, member, body);
        expect(refused.status, `${member} ${method} ${url}`).toBe(403);
      }
    }
    // The Pune admin's own routes do not reach the hub's training, session or pass either.
    const theirs = trainingsOf(PUNE);
    for (const [method, url, body] of [
      ['POST', `${theirs}/${training.id}/sessions`, sessionInput(3, 3)],
      ['POST', `${theirs}/sessions/${session.id}/cancel`],
      ['GET', `${theirs}/sessions/${session.id}/attendees`],
      ['POST', `${theirs}/${training.id}/passes`, { userId: ids.puneMember }],
      ['POST', `${theirs}/passes/${pass.id}/revoke`],
    ] as [Method, string, unknown?][]) {
      expect((await call(method, url, 'puneAdmin', body)).status, `${method} ${url}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    expect((await call('GET', '/api/v1/trainings/mine')).status).toBe(401);
  });

  it('refuses a machine to a member without the pass, naming the training and its next session; the pass opens it', async () => {
    const training = await newTraining('Laser cutter safety, advanced', { validityMonths: 12 });
    const machine: MachineDetail = await ok('POST', `${space(HUB)}/equipment`, 'hubAdmin', {
      name: 'Test laser',
      slug: 'test-laser',
      type: 'laser_cutter',
      hourlyRateCents: 900,
      trainingId: training.id,
    });
    expect(machine.training).toEqual({ id: training.id, name: training.name });

    const none = await book('test-laser', 'hubMember', 3);
    expect([none.status, none.body.error.code]).toEqual([403, 'TRAINING_REQUIRED']);
    expect(none.body.error.message).toBe(
      `Book the Test laser after passing ${training.name} — no session with a free seat is scheduled yet; ask the makerspace.`,
    );
    expect(none.body.error.details).toEqual({
      training: { id: training.id, name: training.name },
      nextSession: null,
    });

    const full = await newSession(training.id, 1, 1);
    await ok('POST', sessionUrl(full.id, '/sign-up'), 'hubOther');
    const next = (await ok('POST', `${hubTrainings}/${training.id}/sessions`, 'hubAdmin', {
      startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 2 * DAY + 2 * HOUR).toISOString(),
      seats: 4,
    })) as TrainingSession;
    await cave.app.db
      .update(trainingSessions)
      .set({ seatsTaken: 1 })
      .where(eq(trainingSessions.id, next.id));
    const refused = await book('test-laser', 'hubMember', 3);
    expect(refused.status).toBe(403);
    const when = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Kolkata',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(new Date(next.startsAt));
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Kolkata',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(next.startsAt));
    expect(refused.body.error.message).toBe(
      `Book the Test laser after passing ${training.name} — next session ${when.replace(',', '')}, ${time}, 3 seats left.`,
    );
    expect(refused.body.error.details).toEqual({
      training: { id: training.id, name: training.name },
      nextSession: { id: next.id, startsAt: next.startsAt, seatsLeft: 3 },
    });

    // The makerspace's admin books it without a pass (staff override).
    expect((await book('test-laser', 'hubAdmin', 4)).status).toBe(201);

    await ok('POST', sessionUrl(next.id, '/sign-up'), 'hubMember');
    const attendees: SessionAttendeeList = await ok(
      'GET',
      sessionUrl(next.id, '/attendees'),
      'hubAdmin',
    );
    expect(attendees.items.map((a) => a.userId)).toEqual([ids.hubMember]);
    const stranger = await call('POST', `${hubTrainings}/${training.id}/passes`, 'hubAdmin', {
      userId: ids.hubThird,
      sessionId: next.id,
    });
    expect(stranger.status).toBe(404);
    const outsider = await call('POST', `${hubTrainings}/${training.id}/passes`, 'hubAdmin', {
      userId: ids.puneMember,
    });
    expect([outsider.status, outsider.body.error.code]).toEqual([422, 'NOT_A_MEMBER']);

    const pass: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/${training.id}/passes`,
      'hubAdmin',
      {
        userId: ids.hubMember,
        sessionId: next.id,
      },
    );
    expect(pass).toMatchObject({
      training: { id: training.id, name: training.name },
      user: { id: ids.hubMember },
      sessionId: next.id,
      revokedAt: null,
      valid: true,
    });
    const months = (Date.parse(pass.expiresAt!) - Date.parse(pass.passedAt)) / (30 * DAY);
    expect(months).toBeGreaterThan(11.9);
    expect(months).toBeLessThan(12.3);
    expect(await notificationsTo(ids.hubMember!)).toContain(
      `You passed ${training.name} — you can now book the Test laser`,
    );
    const nowAttending: SessionAttendeeList = await ok(
      'GET',
      sessionUrl(next.id, '/attendees'),
      'hubAdmin',
    );
    expect(nowAttending.items[0]?.passed).toBe(true);

    const booked = await book('test-laser', 'hubMember', 3);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    const revoked: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/passes/${pass.id}/revoke`,
      'hubAdmin',
    );
    expect(revoked).toMatchObject({ valid: false });
    expect(revoked.revokedAt).not.toBeNull();
    const twice = await call('POST', `${hubTrainings}/passes/${pass.id}/revoke`, 'hubAdmin');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'PASS_REVOKED']);
    expect(await notificationsTo(ids.hubMember!)).toContain(
      `Your ${training.name} pass was revoked`,
    );
    expect((await book('test-laser', 'hubMember', 5)).body.error.code).toBe('TRAINING_REQUIRED');

    // Passed again, then the pass runs out: refused again.
    const renewed: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/${training.id}/passes`,
      'hubAdmin',
      {
        userId: ids.hubMember,
      },
    );
    expect((await book('test-laser', 'hubMember', 6)).status).toBe(201);
    await cave.app.db
      .update(trainingPasses)
      .set({ expiresAt: new Date(Date.now() - DAY) })
      .where(eq(trainingPasses.id, renewed.id));
    expect((await book('test-laser', 'hubMember', 7)).body.error.code).toBe('TRAINING_REQUIRED');

    const passes = (await ok('GET', `${hubTrainings}/${training.id}/passes`, 'hubAdmin'))
      .items as TrainingPass[];
    expect(passes.map((p) => [p.id, p.valid])).toEqual([
      [renewed.id, false],
      [pass.id, false],
    ]);
    expect(await auditActions(training.id)).toEqual(
      expect.arrayContaining(['training.pass-recorded', 'training.pass-revoked']),
    );
  });

  it('lets an admin set, refuse and clear the training a machine requires', async () => {
    const training = await newTraining('Bandsaw induction');
    const session = await newSession(training.id, 3, 4);
    await ok('POST', `${space(HUB)}/equipment`, 'hubAdmin', {
      name: 'Bandsaw',
      slug: 'bandsaw',
      type: 'other',
      hourlyRateCents: 0,
    });
    const bandsaw = `${space(HUB)}/equipment/bandsaw`;
    const set: MachineDetail = await ok('PATCH', bandsaw, 'hubAdmin', { trainingId: training.id });
    expect(set).toMatchObject({ requiresTraining: true, training: { name: 'Bandsaw induction' } });
    const inUse = await call('POST', `${hubTrainings}/${training.id}/archive`, 'hubAdmin');
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'TRAINING_IN_USE']);
    expect(inUse.body.error.details).toEqual({ machines: ['Bandsaw'] });

    const puneTraining: Training = await ok('POST', trainingsOf(PUNE), 'puneAdmin', {
      name: 'Pune laser safety',
      durationMinutes: 60,
    });
    const foreign = await call('PATCH', bandsaw, 'hubAdmin', { trainingId: puneTraining.id });
    expect(foreign.status).toBe(404);

    const cleared: MachineDetail = await ok('PATCH', bandsaw, 'hubAdmin', { trainingId: null });
    expect(cleared).toMatchObject({ requiresTraining: false, training: null });
    const archived: Training = await ok(
      'POST',
      `${hubTrainings}/${training.id}/archive`,
      'hubAdmin',
    );
    expect(archived.archivedAt).not.toBeNull();
    const stale = await call('PATCH', bandsaw, 'hubAdmin', { trainingId: training.id });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'TRAINING_ARCHIVED']);
    const noSessions = await call(
      'POST',
      `${hubTrainings}/${training.id}/sessions`,
      'hubAdmin',
      sessionInput(2, 2),
    );
    expect(noSessions.body.error.code).toBe('TRAINING_ARCHIVED');
    const noSeats = await call('POST', sessionUrl(session.id, '/sign-up'), 'hubMember');
    expect([noSeats.status, noSeats.body.error.code]).toEqual([409, 'TRAINING_ARCHIVED']);
    const listed: TrainingList = await ok('GET', hubTrainings, 'hubMember');
    expect(listed.items.map((t) => t.id)).not.toContain(training.id);
    const all: TrainingList = await ok('GET', `${hubTrainings}?archived=include`, 'hubMember');
    expect(all.items.map((t) => t.id)).toContain(training.id);
  });

  it('shows a member their own passes and seats, in every makerspace', async () => {
    const training = await newTraining('Mine to see');
    const session = await newSession(training.id, 8, 3);
    await ok('POST', sessionUrl(session.id, '/sign-up'), 'hubThird');
    const first: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/${training.id}/passes`,
      'hubAdmin',
      {
        userId: ids.hubThird,
      },
    );
    // Recorded again (a retake): the same pass, renewed from the session they attended.
    const renewed: TrainingPass = await ok(
      'POST',
      `${hubTrainings}/${training.id}/passes`,
      'hubAdmin',
      {
        userId: ids.hubThird,
        sessionId: session.id,
      },
    );
    expect(renewed).toMatchObject({ id: first.id, sessionId: session.id, valid: true });
    expect(Date.parse(renewed.passedAt)).toBeGreaterThanOrEqual(Date.parse(first.passedAt));
    const mine: MyTrainings = await ok('GET', '/api/v1/trainings/mine', 'hubThird');
    expect(mine.passes.map((p) => [p.training.name, p.makerspace.slug, p.valid])).toContainEqual([
      'Mine to see',
      HUB,
      true,
    ]);
    expect(mine.signUps.find((s) => s.id === session.id)).toMatchObject({
      signedUp: true,
      makerspace: { slug: HUB },
      training: { name: 'Mine to see' },
    });
    const theirs: MyTrainings = await ok('GET', '/api/v1/trainings/mine', 'puneMember');
    expect(theirs).toEqual({ passes: [], signUps: [] });
  });
});

describe.each(testDrivers.filter((driver) => driver === 'postgres'))(
  'MakrCave training sign-ups under a rush over %s',
  (driver) => {
    let issuer: TestIssuer;
    let cave: TestService;
    let admin: string;
    const tokens: string[] = [];

    beforeAll(async () => {
      issuer = await startTestIssuer();
      cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
      const adminId = await addMemberTo(cave.app.db, HUB, 'rushadmin', 'makerspace_admin');
      admin = await issuer.userToken({ id: adminId, username: 'rushadmin', realmRoles: [] });
      for (let i = 0; i < 20; i++) {
        const username = `trainee${i}`;
        const id = await addMemberTo(cave.app.db, HUB, username, 'member');
        tokens.push(await issuer.userToken({ id, username, realmRoles: [] }));
      }
    });
    afterAll(async () => {
      await cave.close();
      await issuer.close();
    });

    it('seats exactly 6 of 20 concurrent sign-ups for a 6-seat session; 14 get 409 SESSION_FULL', async () => {
      const as = { authorization: `Bearer ${admin}` };
      const training = await cave.app.inject({
        method: 'POST',
        url: hubTrainings,
        headers: as,
        payload: { name: 'Rush hour safety', durationMinutes: 60 },
      });
      const session = await cave.app.inject({
        method: 'POST',
        url: `${hubTrainings}/${training.json().id}/sessions`,
        headers: as,
        payload: sessionInput(3, 6),
      });
      const sessionId: string = session.json().id;
      const responses = await Promise.all(
        tokens.map((token) =>
          cave.app.inject({
            method: 'POST',
            url: sessionUrl(sessionId, '/sign-up'),
            headers: { authorization: `Bearer ${token}` },
          }),
        ),
      );
      const seated = responses.filter((response) => response.statusCode === 201);
      const refused = responses.filter((response) => response.statusCode === 409);
      expect(seated).toHaveLength(6);
      expect(refused).toHaveLength(14);
      for (const response of refused) {
        expect(response.json().error.code).toBe('SESSION_FULL');
      }
      const rows = await cave.app.db
        .select()
        .from(trainingSignUps)
        .where(eq(trainingSignUps.sessionId, sessionId));
      expect(rows).toHaveLength(6);
      const [counted] = await cave.app.db
        .select({ seatsTaken: trainingSessions.seatsTaken })
        .from(trainingSessions)
        .where(eq(trainingSessions.id, sessionId));
      expect(counted?.seatsTaken).toBe(6);
    });
  },
);
