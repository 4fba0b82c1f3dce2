import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoMembersWithAccounts } from '../memberships/testing';
import { seedDemoBookingMonth } from './demo-reservations';

const DAY = 24 * 60 * 60 * 1000;

type Row = {
  machine: string;
  status: string;
  starts: string;
  ends: string;
  local_start: number;
  local_end: number;
  local_weekday: number;
  checked_in_at: string | null;
  checked_out_at: string | null;
};

describe.each(testDrivers)('the demo month of bookings over %s', (driver) => {
  let cave: TestService;
  let rows: Row[];

  beforeAll(async () => {
    cave = await startTestService(caveService, driver);
    await seedDemoMembersWithAccounts(cave.app.db);
    await seedDemoBookingMonth(cave.app.db);
    await seedDemoBookingMonth(cave.app.db);
    rows = (
      await cave.app.db.execute<Row>(sql`
        select e.slug as machine, r.status, lower(r.during)::text as starts, upper(r.during)::text as ends,
          extract(hour from lower(r.during) at time zone 'Asia/Kolkata') * 60
            + extract(minute from lower(r.during) at time zone 'Asia/Kolkata') as local_start,
          extract(hour from upper(r.during) at time zone 'Asia/Kolkata') * 60
            + extract(minute from upper(r.during) at time zone 'Asia/Kolkata') as local_end,
          extract(dow from lower(r.during) at time zone 'Asia/Kolkata') as local_weekday,
          r.checked_in_at::text, r.checked_out_at::text
        from makrcave.reservations r join makrcave.equipment e on e.id = r.equipment_id
        join makrcave.makerspaces s on s.id = r.makerspace_id
        where s.slug = 'makrx-hub-bengaluru'`)
    ).rows;
  });
  afterAll(async () => {
    await cave.close();
  });

  it('fills the last 30 days at the hub, once, on a dozen machines, inside opening hours', async () => {
    expect(new Set(rows.map((row) => row.machine)).size).toBeGreaterThanOrEqual(12);
    const now = Date.now();
    for (const row of rows) {
      expect(Date.parse(row.starts)).toBeGreaterThan(now - 31 * DAY);
      expect(Date.parse(row.ends)).toBeLessThan(now);
      // The hub's hours: Mon–Sat 08:00–22:00 (the demo keeps to 09:00–21:00), Sun 10:00–18:00.
      const sunday = Number(row.local_weekday) === 0;
      expect(Number(row.local_start)).toBeGreaterThanOrEqual((sunday ? 10 : 9) * 60);
      expect(Number(row.local_end)).toBeLessThanOrEqual((sunday ? 18 : 21) * 60);
    }
    // Seeded once: a second call adds nothing (the count would double).
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.length).toBeLessThan(1200);
  });

  it('has check-ins and check-outs for what was used, and about one no-show in ten', () => {
    const count = (status: string) => rows.filter((row) => row.status === status).length;
    expect(count('no_show') / rows.length).toBeGreaterThan(0.05);
    expect(count('no_show') / rows.length).toBeLessThan(0.15);
    expect(count('cancelled')).toBeGreaterThan(0);
    for (const row of rows.filter((r) => r.status === 'completed')) {
      expect(row.checked_in_at).not.toBeNull();
      expect(Date.parse(row.checked_out_at!)).toBeGreaterThan(Date.parse(row.checked_in_at!));
    }
    expect(rows.some((row) => row.status === 'booked' || row.status === 'checked_in')).toBe(false);
  });
});
