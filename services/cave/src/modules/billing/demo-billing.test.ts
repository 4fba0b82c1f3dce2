import type { MembershipInvoice } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo, seedDemoMembersWithAccounts } from '../memberships/testing';
import { issueInvoicesForMonth, listInvoices } from './invoices';

const HUB = 'makrx-hub-bengaluru';

type Used = { userId: string; rate: number; minutes: number };
type Subscribed = {
  userId: string;
  interval: 'monthly' | 'yearly';
  priceCents: number;
  includedHours: number;
  discountPercent: number;
  startsOn: string;
};

/**
 * What an invoice must come to, worked out here from the rows the demo seeded and the pricing
 * rule the plans advertise: the fee (a yearly plan's in its first month), then machine time
 * beyond the included hours, dearest machine first, at its hourly rate, less the discount.
 */
function expectedTotal(plan: Subscribed, month: string, used: Used[]): number {
  const fee = plan.interval === 'monthly' || plan.startsOn.startsWith(month) ? plan.priceCents : 0;
  let included = plan.includedHours * 60;
  let usage = 0;
  for (const machine of [...used].sort((a, b) => b.rate - a.rate)) {
    const covered = Math.min(included, machine.minutes);
    included -= covered;
    usage += Math.round(((machine.minutes - covered) * machine.rate) / 60);
  }
  return fee + usage - Math.round((usage * plan.discountPercent) / 100);
}

describe.each(testDrivers)('MakrX Hub Bengaluru’s demo month of billing over %s', (driver) => {
  let cave: TestService;
  let hubId: string;
  let invoices: MembershipInvoice[];
  const month = (() => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - 1);
    return first.toISOString().slice(0, 7);
  })();

  beforeAll(async () => {
    cave = await startTestService(caveService, driver);
    // The demo's people, as the auth service would have seeded them, and two more members.
    await seedDemoMembersWithAccounts(cave.app.db);
    await addMemberTo(cave.app.db, HUB, 'kavya', 'member');
    await addMemberTo(cave.app.db, HUB, 'arjun', 'member');
    await caveService.seedDemoData!(cave.app.db, cave.app.config);
    hubId = (
      await cave.app.db.execute<{ id: string }>(
        sql`select id from makrcave.makerspaces where slug = ${HUB}`,
      )
    ).rows[0]!.id;
    invoices = await listInvoices(cave.app.db, hubId);
  });
  afterAll(async () => {
    await cave?.close();
  });

  it('gives every member a plan and last month’s invoice, numbered MXH-<year>-0001 on', async () => {
    expect(invoices).toHaveLength(3);
    expect(new Set(invoices.map((i) => i.plan.name))).toEqual(
      new Set(['Maker', 'Hobbyist', 'Pro']),
    );
    const year = month.slice(0, 4);
    expect(invoices.map((i) => i.number).sort()).toEqual(
      [1, 2, 3].map((n) => `MXH-${year}-000${n}`),
    );
    for (const invoice of invoices) {
      expect(invoice).toMatchObject({
        periodStart: `${month}-01`,
        currency: 'INR',
        status: 'open',
      });
    }
  });

  it('totals each invoice as the plan, its included hours and the machines’ hourly rates say', async () => {
    const plans = await cave.app.db.execute<Subscribed>(sql`
      select s.user_id as "userId", p.interval, p.price_cents as "priceCents",
             p.included_hours as "includedHours", p.discount_percent as "discountPercent",
             s.starts_on::text as "startsOn"
      from makrcave.membership_subscriptions s join makrcave.membership_plans p on p.id = s.plan_id
      where s.makerspace_id = ${hubId}`);
    const from = `${month}-01`;
    const used = await cave.app.db.execute<Used>(sql`
      select r.user_id as "userId", e.hourly_rate_cents as rate,
             sum(floor(extract(epoch from r.checked_out_at - r.checked_in_at) / 60))::int as minutes
      from makrcave.reservations r join makrcave.equipment e on e.id = r.equipment_id
      where r.makerspace_id = ${hubId} and r.status = 'completed'
        and r.checked_out_at >= (${from}::date::timestamp at time zone 'Asia/Kolkata')
        and r.checked_out_at < ((${from}::date + interval '1 month')::timestamp at time zone 'Asia/Kolkata')
      group by r.user_id, e.id, e.hourly_rate_cents`);
    expect(used.rows.length).toBeGreaterThan(12);
    for (const plan of plans.rows) {
      const invoice = invoices.find((i) => i.member.userId === plan.userId)!;
      const mine = used.rows.filter((row) => row.userId === plan.userId);
      expect(invoice.totalCents, invoice.plan.name).toBe(expectedTotal(plan, month, mine));
    }
    // The Maker's 15 hours run out: the month's invoice bills machine time beyond them.
    const maker = invoices.find((i) => i.plan.name === 'Maker')!;
    expect(maker.lines.some((l) => l.kind === 'usage' && l.amountCents > 0)).toBe(true);
    expect(maker.lines.some((l) => l.kind === 'discount')).toBe(true);
  });

  it('seeds them quietly: nobody is notified of demo invoices', async () => {
    const told = await cave.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from public.outbox_events where type = 'notification.requested'`,
    );
    expect(Number(told.rows[0]!.n)).toBe(0);
  });

  it('does not issue them again when the month is run once more', async () => {
    const rerun = await issueInvoicesForMonth(cave.app.db, month, { makerspaceId: hubId });
    expect(rerun).toEqual({ month, issued: 0, alreadyIssued: 3 });
  });
});
