import { startTestIssuer } from '@makrx/auth/testing';
import pg from 'pg';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from './database';
import { startProcess, stopProcess, waitForHttp } from './processes';
import type { Comparison } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MEMBERS = 50;
const POOL = 10;
const HUB = 'makrx-hub-bengaluru';
const MACHINE = 'bench-rush-laser';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Issue 12's booking rush: 50 members at once for overlapping slots of one machine, each over
 * HTTP with their own token. Exactly one booking must be accepted and the 49 others refused
 * 409 SLOT_TAKEN, no 5xx. The peer is a bare INSERT into a table with the same exclusion
 * constraint, run as often with as many connections: what the constraint alone costs.
 */
export async function benchBookingRush(database: BenchDatabase): Promise<Comparison[]> {
  if (!database.url) return [];
  const cavePort = '18906';
  const issuer = await startTestIssuer();
  const db = new pg.Pool({ connectionString: database.url, max: POOL });
  db.on('error', (error) => console.warn(`bench pool: ${error.message}`));
  const cave = startProcess(join(root, 'services/cave/src/main.ts'), [], {
    PORT: cavePort,
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(POOL),
    OIDC_ISSUER: issuer.issuer,
    MAKRX_DEMO_DATA: 'true',
  });
  try {
    await waitForHttp(`http://127.0.0.1:${cavePort}/ready`, cave);
    const tokens = await benchMembers(db, issuer);
    const url = `http://127.0.0.1:${cavePort}/api/v1/makerspaces/${HUB}/equipment/${MACHINE}/reservations`;
    // A warm-up rush on another day first: the measured rush is the second.
    await rush(url, tokens, 2 * DAY);
    const ours = await rush(url, tokens, 4 * DAY);
    const peer = await bareInsertRush(db);

    const failures =
      ours.serverErrors + ours.other + Math.abs(ours.booked - 1) + Math.abs(ours.slotTaken - 49);
    const what = `booking rush: ${MEMBERS} members, overlapping slots of one machine (${database.label}; ${ours.booked} booked, ${ours.slotTaken} SLOT_TAKEN, ${ours.serverErrors} 5xx; peer ${peer.inserted} inserted)`;
    const peerName = `bare INSERT, same exclusion constraint (pg, ${POOL} connections)`;
    return [
      {
        what,
        metric: 'requests decided/s',
        ours: MEMBERS / (ours.elapsedMs / 1000),
        peer: MEMBERS / (peer.elapsedMs / 1000),
        peerName,
        higherIsBetter: true,
        target: { ratioAtLeast: 0.5 },
        failures,
      },
      {
        what,
        metric: 'rush settled ms',
        ours: ours.elapsedMs,
        peer: peer.elapsedMs,
        peerName,
        higherIsBetter: false,
        target: { oursAtMost: 500 },
        failures,
      },
      {
        what,
        metric: 'bookings accepted',
        ours: ours.booked,
        peer: peer.inserted,
        peerName,
        higherIsBetter: true,
        target: { ratioAtLeast: 1, oursAtMost: 1 },
        failures,
      },
    ];
  } finally {
    await stopProcess(cave);
    await db.end();
    await issuer.close();
  }
}

/** The rush's machine and its members, written as the cave's own routes would leave them. */
async function benchMembers(
  db: pg.Pool,
  issuer: Awaited<ReturnType<typeof startTestIssuer>>,
): Promise<string[]> {
  const space = (
    await db.query<{ id: string }>('select id from makrcave.makerspaces where slug = $1', [HUB])
  ).rows[0]!.id;
  await db.query(
    `insert into makrcave.equipment (makerspace_id, slug, name, type) values ($1, $2, 'Bench rush laser', 'laser_cutter')`,
    [space, MACHINE],
  );
  const tokens: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const username = `bench-booker-${i}`;
    const user = (
      await db.query<{ id: string }>(
        `insert into public.users (email, username, display_name) values ($1, $2, $2) returning id`,
        [`${username}@example.org`, username],
      )
    ).rows[0]!.id;
    await db.query(
      `insert into makrcave.memberships (makerspace_id, user_id, role) values ($1, $2, 'member')`,
      [space, user],
    );
    tokens.push(await issuer.userToken({ id: user, username, realmRoles: [] }));
  }
  return tokens;
}

/**
 * 10:00 in Bengaluru (UTC+05:30 all year) on the day `msAhead` from now: inside the hub's opening
 * hours every day, so the rush meets the booking rules and only the slot decides.
 */
function hubMorning(msAhead: number): number {
  const day = new Date(Date.now() + msAhead);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 4, 30);
}

/** Each member asks at once for an hour, a minute after the one before: all overlap the first. */
async function rush(url: string, tokens: string[], msAhead: number) {
  const base = hubMorning(msAhead);
  const started = performance.now();
  const statuses = await Promise.all(
    tokens.map(async (token, i) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          startsAt: new Date(base + i * 60_000).toISOString(),
          endsAt: new Date(base + HOUR + i * 60_000).toISOString(),
        }),
      });
      const body = (await response.json()) as { error?: { code?: string } };
      return response.status === 409 && body.error?.code === 'SLOT_TAKEN'
        ? 'slotTaken'
        : response.status;
    }),
  );
  const elapsedMs = performance.now() - started;
  const count = (match: (status: number | 'slotTaken') => boolean) => statuses.filter(match).length;
  return {
    elapsedMs,
    booked: count((status) => status === 201),
    slotTaken: count((status) => status === 'slotTaken'),
    serverErrors: count((status) => typeof status === 'number' && status >= 500),
    other: count((status) => typeof status === 'number' && status !== 201 && status < 500),
  };
}

/** The peer: the same overlapping slots as bare INSERTs against the same exclusion constraint. */
async function bareInsertRush(db: pg.Pool) {
  await db.query(`create table public.bench_booking_peer (
    equipment_id uuid not null,
    during tstzrange not null,
    exclude using gist (equipment_id with =, during with &&)
  )`);
  try {
    const machine = '00000000-0000-4000-8000-000000000001';
    const base = Date.now() + 6 * DAY;
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: MEMBERS }, (_, i) =>
        db.query(
          `insert into public.bench_booking_peer values ($1, tstzrange($2::timestamptz, $3::timestamptz, '[)'))`,
          [
            machine,
            new Date(base + i * 60_000).toISOString(),
            new Date(base + HOUR + i * 60_000).toISOString(),
          ],
        ),
      ),
    );
    const elapsedMs = performance.now() - started;
    return { elapsedMs, inserted: results.filter((r) => r.status === 'fulfilled').length };
  } finally {
    await db.query('drop table public.bench_booking_peer');
  }
}
