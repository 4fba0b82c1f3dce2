import { randomUUID } from 'node:crypto';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { LIVE_STATUS_FLAG, publishLive } from '@makrx/service-kit';
import {
  listenForTest,
  openTestLiveStream,
  startTestService,
  testDrivers,
  type TestLiveStream,
  type TestService,
} from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makerspaceIdOf } from './modules/makerspaces/service';
import { memberships } from './modules/memberships/tables';
import { addMemberTo } from './modules/memberships/testing';
import { caveService } from './service';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const DAY = 24 * 60 * 60 * 1000;

/*
 * The cave's live stream over a real connection: a member's open page hears of a machine's
 * status change in their makerspace, and of nothing elsewhere. "Nothing" is shown by order:
 * each stream delivers events in the order they committed, so when the first thing a stream
 * carries is a later change, the earlier one was not sent to it.
 */
describe.each(testDrivers)('the cave’s live stream over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let server: Awaited<ReturnType<typeof listenForTest>>;
  let baseUrl: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const spaces: Record<string, string> = {};
  const open: TestLiveStream[] = [];

  const listen = async (as: string | undefined, headers?: Record<string, string>) => {
    const stream = await openTestLiveStream(baseUrl, as && tokens[as], headers);
    open.push(stream);
    return stream;
  };
  const setStatus = async (space: string, machine: string, status: string) => {
    const response = await cave.app.inject({
      method: 'PUT',
      url: `/api/v1/makerspaces/${space}/equipment/${machine}/status`,
      headers: { authorization: `Bearer ${tokens[space === HUB ? 'hubAdmin' : 'puneAdmin']}` },
      payload: { status },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { id: string };
  };
  /** A machine of the Pune space whose status is not `status` yet. */
  const puneMachine = async (status: string) => {
    const response = await cave.app.inject({
      method: 'GET',
      url: `/api/v1/makerspaces/${PUNE}/equipment`,
      headers: { authorization: `Bearer ${tokens.puneAdmin}` },
    });
    return (response.json() as { items: Array<{ slug: string; status: string }> }).items.find(
      (machine) => machine.status !== status,
    )!.slug;
  };
  const setFlag = async (enabled: boolean, hubOverride?: boolean) => {
    await cave.app.db
      .insert(featureFlags)
      .values({
        key: LIVE_STATUS_FLAG,
        scope: 'domain',
        domain: 'cave',
        description: 'Live equipment status',
        enabled,
      })
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled } });
    await cave.app.db
      .delete(featureFlagMakerspaceOverrides)
      .where(eq(featureFlagMakerspaceOverrides.flagKey, LIVE_STATUS_FLAG));
    if (hubOverride !== undefined) {
      await cave.app.db.insert(featureFlagMakerspaceOverrides).values({
        flagKey: LIVE_STATUS_FLAG,
        makerspaceId: spaces[HUB]!,
        enabled: hubOverride,
      });
    }
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    server = await listenForTest(cave.app);
    baseUrl = server.baseUrl;
    for (const slug of [HUB, PUNE]) spaces[slug] = (await makerspaceIdOf(cave.app.db, slug))!;
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
      puneMember: [PUNE, 'member'],
      both: [HUB, 'member'],
    } as const;
    for (const [username, [space, role]] of Object.entries(people)) {
      const id = await addMemberTo(cave.app.db, space, username, role);
      ids[username] = id;
      tokens[username] = await issuer.userToken({ id, username, realmRoles: [] });
      if (username === 'both') {
        await cave.app.db
          .insert(memberships)
          .values({ makerspaceId: spaces[PUNE]!, userId: id, role: 'member' });
      }
    }
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(async () => {
    server.dropConnections();
    await cave.close();
    await issuer.close();
  });

  it('tells a member’s open page of a status change in their makerspace, and a member elsewhere nothing', async () => {
    await setFlag(true);
    const member = await listen('hubMember');
    const outsider = await listen('puneMember');
    expect(member.status).toBe(200);

    const drill = await setStatus(HUB, 'prusa-mk4-1', 'in_use');
    expect(await member.next()).toEqual({
      kind: 'machine.status-changed',
      makerspaceId: spaces[HUB],
      equipmentId: drill.id,
      status: 'in_use',
    });

    const elsewhere = await setStatus(PUNE, await puneMachine('maintenance'), 'maintenance');
    expect(await outsider.next()).toMatchObject({ equipmentId: elsewhere.id });
    await setStatus(HUB, 'prusa-mk4-1', 'available');
    expect(await member.next()).toMatchObject({ equipmentId: drill.id, status: 'available' });
  });

  it('announces a booking made and cancelled to the makerspace’s members', async () => {
    await setFlag(true);
    const admin = await listen('hubAdmin');
    const day = new Date(Date.now() + 2 * DAY);
    day.setUTCHours(6, 0, 0, 0);
    const booked = await cave.app.inject({
      method: 'POST',
      url: `/api/v1/makerspaces/${HUB}/equipment/prusa-mk4-1/reservations`,
      headers: { authorization: `Bearer ${tokens.hubMember}` },
      payload: {
        startsAt: day.toISOString(),
        endsAt: new Date(day.getTime() + 60 * 60 * 1000).toISOString(),
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const reservationId = (booked.json() as { id: string }).id;
    expect(await admin.next()).toMatchObject({ kind: 'booking.created', reservationId });

    const cancelled = await cave.app.inject({
      method: 'POST',
      url: `/api/v1/makerspaces/${HUB}/reservations/${reservationId}/cancel`,
      headers: { authorization: `Bearer ${tokens.hubMember}` },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await admin.next()).toMatchObject({ kind: 'booking.cancelled', reservationId });
  });

  it('sends no machine events for a makerspace whose live status flag is off', async () => {
    await setFlag(true, false);
    const member = await listen('both');
    await setStatus(HUB, 'prusa-mk4-1', 'offline');
    const pune = await setStatus(PUNE, await puneMachine('in_use'), 'in_use');
    expect(await member.next()).toMatchObject({ equipmentId: pune.id });

    // Off everywhere: a change in either makerspace goes unheard, while the user's own
    // notification (the bell is not behind the flag) still arrives, as the auth service
    // announces it.
    await setFlag(false);
    await setStatus(PUNE, await puneMachine('offline'), 'offline');
    await setStatus(HUB, 'prusa-mk4-1', 'available');
    const notificationId = randomUUID();
    await publishLive(cave.app.db, {
      kind: 'notification.created',
      userId: ids.both!,
      notificationId,
    });
    expect(await member.next()).toMatchObject({ kind: 'notification.created', notificationId });
  });

  it('answers a guest 401 and a forged token 401 before any stream opens', async () => {
    const guest = await listen(undefined);
    expect(guest.status).toBe(401);
    const forged = await listen(undefined, {
      authorization: `Bearer ${await issuer.userToken({ username: 'mallory' }, { forged: true })}`,
    });
    expect(forged.status).toBe(401);
  });

  it('ends a stream when its token expires, and caps the streams one user holds', async () => {
    const shortLived = await issuer.userToken(
      { id: (await cave.app.db.select().from(memberships).limit(1))[0]!.userId, username: 'x' },
      { expiresIn: 1 },
    );
    const expiring = await listen(undefined, { authorization: `Bearer ${shortLived}` });
    expect(expiring.status).toBe(200);
    await expiring.ended;

    const streams = [];
    for (let i = 0; i < 5; i += 1) streams.push(await listen('puneAdmin'));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200, 200, 200]);
    const oneTooMany = await listen('puneAdmin');
    expect(oneTooMany.status).toBe(429);
  });

  it('tells a stream that reconnects with an unknown Last-Event-ID to refetch', async () => {
    const stream = await listen('hubMember', { 'last-event-id': 'elsewhere.41' });
    expect(await stream.next()).toEqual({ kind: 'resync' });
  });

  it('leaves a membership in another makerspace out of the events', async () => {
    // The membership is read per event: a member removed meanwhile hears nothing more.
    await setFlag(true);
    const member = await listen('both');
    await cave.app.db
      .delete(memberships)
      .where(and(eq(memberships.makerspaceId, spaces[HUB]!), eq(memberships.role, 'member')));
    await setStatus(HUB, 'prusa-mk4-1', 'in_use');
    const pune = await setStatus(PUNE, await puneMachine('available'), 'available');
    expect(await member.next()).toMatchObject({ equipmentId: pune.id });
  });
});
