import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  InvoiceRun,
  MembershipInvoice,
  MembershipInvoiceList,
  MembershipPlan,
  Subscription,
} from '@makrx/contracts';
import { formatMoney } from '@makrx/documents';
import { pdfText } from '@makrx/documents/testing';
import { connectDatabase, type DatabaseHandle } from '@makrx/db';
import { outboxEvents } from '@makrx/events';
import { auditLogs, featureFlagMakerspaceOverrides, featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo, addPeopleWithTokens } from '../memberships/testing';
import { recordPastMachineUse } from '../reservations/testing';
import { issueInvoicesForMonth } from './invoices';
import { billingSettingsOf } from './settings';

type Method = 'GET' | 'POST' | 'PATCH';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const billing = (space = HUB) => `/api/v1/makerspaces/${space}/billing`;

/** Last month and the one before, as Bengaluru counts them (the billing time zone). */
const todayInBengaluru = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
  new Date(),
);
const monthsBack = (n: number) => {
  const date = new Date(`${todayInBengaluru.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - n);
  return date.toISOString().slice(0, 7);
};
const LAST_MONTH = monthsBack(1);
const EARLIER = monthsBack(2);
/** A time on a day of last month in Bengaluru (UTC+05:30), as an ISO instant. */
const bengaluru = (day: number, hhmm: string) =>
  new Date(`${LAST_MONTH}-${String(day).padStart(2, '0')}T${hhmm}:00+05:30`).toISOString();

describe.each(testDrivers)('MakrCave billing over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const machines: Record<string, { id: string; hourlyRateCents: number }> = {};
  const plans: Record<string, MembershipPlan> = {};

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
  const addPlan = async (body: Record<string, unknown>) => {
    const created = await call('POST', `${billing()}/plans`, 'hubAdmin', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    plans[body.name as string] = created.body as MembershipPlan;
    return created.body as MembershipPlan;
  };
  const subscribe = async (member: string, plan: string, startsOn: string) => {
    const started = await call('POST', `${billing()}/subscriptions`, 'hubAdmin', {
      userId: ids[member],
      planId: plans[plan]!.id,
      startsOn,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body as Subscription;
  };
  /** A session on a machine one day of last month (Bengaluru time), used as booked. */
  const used = (member: string, machine: string, day: number, from: string, to: string) => ({
    makerspaceId: ids.hub!,
    equipmentId: machines[machine]!.id,
    userId: ids[member]!,
    startsAt: bengaluru(day, from),
    endsAt: bengaluru(day, to),
    checkedInAt: bengaluru(day, from),
    checkedOutAt: bengaluru(day, to),
  });
  const invoicesOf = async (as: string) => {
    const listed = await call('GET', `${billing()}/invoices`, as);
    expect(listed.status).toBe(200);
    return (listed.body as MembershipInvoiceList).items;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      asha: [HUB, 'member'],
      ravi: [HUB, 'member'],
      meera: [HUB, 'member'],
      hubProvider: [HUB, 'service_provider'],
      puneMember: [PUNE, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
    } as const;
    await addPeopleWithTokens(cave.app.db, issuer, people, { ids, tokens });
    for (const slug of ['trotec-speedy-360', 'prusa-mk4-1', 'bambu-lab-x1-carbon']) {
      const machine = await call('GET', `/api/v1/makerspaces/${HUB}/equipment/${slug}`, 'asha');
      expect(machine.status).toBe(200);
      machines[slug] = machine.body as { id: string; hourlyRateCents: number };
    }
    ids.hub = (
      await cave.app.db.execute<{ id: string }>(
        sql`select id from makrcave.makerspaces where slug = ${HUB}`,
      )
    ).rows[0]!.id;
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lets the makerspace admins manage plans, audited; members read them; others are refused', async () => {
    await addPlan({
      name: 'Hobbyist',
      interval: 'monthly',
      priceCents: 150_000,
      includedHours: 5,
    });
    await addPlan({
      name: 'Maker',
      interval: 'monthly',
      priceCents: 350_000,
      includedHours: 15,
      discountPercent: 10,
    });
    const pro = await addPlan({
      name: 'Pro',
      interval: 'yearly',
      priceCents: 3_600_000,
      includedHours: 300,
      discountPercent: 20,
      premium: true,
    });
    expect(pro).toMatchObject({ currency: 'INR', premium: true, archived: false });

    const seen = await call('GET', `${billing()}/plans`, 'asha');
    expect(seen.status).toBe(200);
    // The list names the makerspace's currency, which every plan (and a new one) is in.
    expect(seen.body.currency).toBe('INR');
    expect(seen.body.items.map((p: MembershipPlan) => p.name)).toEqual([
      'Hobbyist',
      'Maker',
      'Pro',
    ]);

    const audited = await cave.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, 'membership_plan'), eq(auditLogs.entityId, pro.id)));
    expect(audited.map((a) => a.action)).toEqual(['billing.plan.created']);

    const plan = { name: 'Sneaky', interval: 'monthly', priceCents: 1, includedHours: 0 };
    expect((await call('POST', `${billing()}/plans`, 'asha', plan)).status).toBe(403);
    expect((await call('POST', `${billing()}/plans`, 'hubProvider', plan)).status).toBe(403);
    expect((await call('GET', `${billing()}/plans`, 'hubProvider')).status).toBe(403);
    expect((await call('POST', `${billing()}/plans`, 'puneAdmin', plan)).status).toBe(404);
    expect((await call('GET', `${billing()}/plans`, 'puneMember')).status).toBe(404);
    expect((await call('POST', `${billing()}/plans`, undefined, plan)).status).toBe(401);
    const twice = await call('POST', `${billing()}/plans`, 'hubAdmin', { ...plan, name: 'Maker' });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'PLAN_NAME_TAKEN' } } });
    const bad = await call('POST', `${billing()}/plans`, 'hubAdmin', { ...plan, priceCents: -5 });
    expect(bad.status).toBe(400);
    expect((await call('GET', `${billing()}/plans`, 'asha')).body.items).toHaveLength(3);
  });

  it('keeps one subscription per member at a time: a second overlapping one is 409', async () => {
    await subscribe('asha', 'Hobbyist', `${EARLIER}-01`);
    await subscribe('ravi', 'Maker', `${EARLIER}-15`);
    await subscribe('meera', 'Pro', `${LAST_MONTH}-10`);
    const again = await call('POST', `${billing()}/subscriptions`, 'hubAdmin', {
      userId: ids.asha,
      planId: plans.Maker!.id,
      startsOn: `${LAST_MONTH}-05`,
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'SUBSCRIPTION_OVERLAP' } } });
    const outsider = await call('POST', `${billing()}/subscriptions`, 'hubAdmin', {
      userId: ids.puneMember,
      planId: plans.Maker!.id,
      startsOn: `${LAST_MONTH}-05`,
    });
    expect(outsider).toMatchObject({ status: 409, body: { error: { code: 'NOT_A_MEMBER' } } });
  });

  it('invoices a month of usage: totals match the plans, included hours and hourly rates', async () => {
    await recordPastMachineUse(cave.app.db, [
      // Asha (Hobbyist: ₹1,500, 5 h included, no discount): 3 h laser, 4 h Prusa.
      used('asha', 'trotec-speedy-360', 3, '10:00', '13:00'),
      used('asha', 'prusa-mk4-1', 8, '09:30', '13:30'),
      // Ravi (Maker: ₹3,500, 15 h, 10 % off): 4 × 4 h X1 Carbon, 2 h laser.
      ...[4, 11, 18, 25].map((day) => used('ravi', 'bambu-lab-x1-carbon', day, '14:00', '18:00')),
      used('ravi', 'trotec-speedy-360', 20, '10:00', '12:00'),
      // Meera (Pro, yearly from the 10th: ₹36,000, 300 h): 2 h laser after she joined.
      used('meera', 'trotec-speedy-360', 12, '11:00', '13:00'),
    ]);
    const run = await call('POST', `${billing()}/invoices/run`, 'hubAdmin', { month: LAST_MONTH });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toEqual({ month: LAST_MONTH, issued: 3, alreadyIssued: 0 });

    // Worked out from the facts above: the included minutes go to the dearest machine first.
    const laser = machines['trotec-speedy-360']!.hourlyRateCents;
    const prusa = machines['prusa-mk4-1']!.hourlyRateCents;
    const x1 = machines['bambu-lab-x1-carbon']!.hourlyRateCents;
    const dearFirst = laser >= prusa;
    // Asha: 5 h included over 3 h laser + 4 h Prusa leaves 2 h of the cheaper one billed.
    const ashaUsage = 2 * (dearFirst ? prusa : laser);
    // Ravi: 15 h included over 16 h X1 + 2 h laser leaves 3 h of the cheaper, 10 % off.
    const raviUsage = laser >= x1 ? 3 * x1 : 2 * laser + 1 * x1;
    const expected = {
      asha: 150_000 + ashaUsage,
      ravi: 350_000 + raviUsage - Math.round(raviUsage * 0.1),
      meera: 3_600_000,
    };
    const all = await invoicesOf('hubAdmin');
    const totalOf = (who: string) => all.find((i) => i.member.userId === ids[who])!;
    expect(totalOf('asha').totalCents).toBe(expected.asha);
    expect(totalOf('ravi').totalCents).toBe(expected.ravi);
    expect(totalOf('meera').totalCents).toBe(expected.meera);
    expect(totalOf('meera')).toMatchObject({
      periodStart: `${LAST_MONTH}-10`,
      status: 'open',
      currency: 'INR',
      taxCents: 0,
    });
    for (const invoice of all) {
      expect(invoice.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(
        invoice.totalCents,
      );
    }
    // Each member is told their invoice is ready.
    const told = await cave.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'notification.requested'));
    expect(told.map((event) => (event.payload as { userId: string }).userId).sort()).toEqual(
      [ids.asha, ids.ravi, ids.meera].sort(),
    );
    // Numbered per makerspace and year without gaps.
    const year = LAST_MONTH.slice(0, 4);
    expect(all.map((i) => i.number).sort()).toEqual([1, 2, 3].map((n) => `MHB-${year}-000${n}`));
  });

  it('holds the makerspace’s currency once it has issued invoices in it (409 CURRENCY_IN_USE)', async () => {
    expect(await billingSettingsOf(cave.app.db, ids.hub!)).toMatchObject({
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
    });
    const settings = `/api/v1/makerspaces/${HUB}/settings`;
    const held = await call('PATCH', settings, 'hubAdmin', { currency: 'USD' });
    expect(held.status).toBe(409);
    expect(held.body.error).toMatchObject({
      code: 'CURRENCY_IN_USE',
      message: 'The currency stays INR: this makerspace has issued invoices, which are in INR.',
      details: { currency: 'INR', reason: 'has issued invoices' },
    });
    expect((await call('GET', settings, 'hubAdmin')).body.currency).toBe('INR');
    for (const invoice of await invoicesOf('hubAdmin')) expect(invoice.currency).toBe('INR');
  });

  it('shows members their own invoices only; another member’s is 404', async () => {
    const mine = await invoicesOf('asha');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.member.userId).toBe(ids.asha);
    const ravis = (await invoicesOf('ravi'))[0]!;
    expect((await call('GET', `${billing()}/invoices/${ravis.id}`, 'asha')).status).toBe(404);
    expect((await call('GET', `${billing()}/invoices/${ravis.id}`, 'ravi')).status).toBe(200);
    expect((await call('GET', `${billing()}/invoices/${ravis.id}`, 'hubAdmin')).status).toBe(200);
    expect((await call('GET', `${billing()}/invoices/${ravis.id}`, 'puneAdmin')).status).toBe(404);
    expect((await call('GET', `${billing(PUNE)}/invoices/${ravis.id}`, 'puneAdmin')).status).toBe(
      404,
    );
    expect((await call('GET', `${billing()}/invoices`, 'hubProvider')).status).toBe(403);
    expect((await call('GET', `${billing()}/subscriptions`, 'asha')).status).toBe(403);
  });

  it('gives the invoice as a PDF to its member and the admins, with its number, lines and total', async () => {
    const [invoice] = await invoicesOf('ravi');
    const url = `${billing()}/invoices/${invoice!.id}.pdf`;
    const fetchAs = (as: string) =>
      cave.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[as]}` } });
    const response = await fetchAs('ravi');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    // Words as printed: wrapped lines joined, CO₂ in the built-in font's CO2.
    const words = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ');
    const text = words(await pdfText(response.rawPayload));
    expect(text).toContain(invoice!.number);
    expect(text).toContain(formatMoney(invoice!.totalCents, 'INR'));
    for (const line of invoice!.lines) expect(text).toContain(words(line.description));
    expect((await fetchAs('asha')).statusCode).toBe(404);
    expect((await fetchAs('hubProvider')).statusCode).toBe(403);
    expect((await fetchAs('hubAdmin')).statusCode).toBe(200);
  });

  it('records a payment made at the desk once, audited; a second is 409', async () => {
    const [invoice] = await invoicesOf('asha');
    const url = `${billing()}/invoices/${invoice!.id}/payments`;
    const payment = { method: 'upi', reference: 'UPI-431209877' };
    expect((await call('POST', url, 'asha', payment)).status).toBe(403);
    const paid = await call('POST', url, 'hubAdmin', payment);
    expect(paid.status).toBe(200);
    expect((paid.body as MembershipInvoice).payment).toMatchObject(payment);
    const again = await call('POST', url, 'hubAdmin', payment);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'INVOICE_NOT_OPEN' } } });
    const audited = await cave.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, invoice!.id));
    expect(audited.map((a) => a.action)).toContain('billing.invoice.paid-by-hand');
  });

  it('lets a member pay their open invoice by card once, even when the request is sent twice', async () => {
    const [invoice] = await invoicesOf('ravi');
    const url = `${billing()}/invoices/${invoice!.id}/pay`;
    const pay = (as: string, paymentMethod: string, key: string) =>
      cave.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${tokens[as]}`, 'idempotency-key': key },
        payload: { paymentMethod },
      });
    const declined = await pay('ravi', 'tok_chargeDeclined', 'ravi-attempt-1');
    expect(declined.statusCode).toBe(402);
    expect(declined.json().error.code).toBe('CARD_DECLINED');
    expect((await invoicesOf('ravi'))[0]!.status).toBe('open');
    expect((await pay('asha', 'tok_visa', 'asha-pays-ravi')).statusCode).toBe(404);

    const [first, second] = await Promise.all([
      pay('ravi', 'tok_visa', 'ravi-attempt-2'),
      pay('ravi', 'tok_visa', 'ravi-attempt-2'),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(first.json().payment).toEqual(second.json().payment);
    expect(first.json()).toMatchObject({ status: 'paid', payment: { method: 'card' } });
    const other = await pay('ravi', 'tok_visa', 'ravi-attempt-3');
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('INVOICE_NOT_OPEN');
    const charges = await cave.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.entityId, invoice!.id),
          eq(auditLogs.action, 'billing.invoice.paid-by-card'),
        ),
      );
    expect(charges).toHaveLength(1);
    const bare = await cave.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${tokens.ravi}` },
      payload: { paymentMethod: 'tok_visa' },
    });
    expect(bare.statusCode).toBe(400);
  });

  it('lets an admin void an open invoice once; members cannot', async () => {
    const [meeras] = await invoicesOf('meera');
    const url = `${billing()}/invoices/${meeras!.id}/void`;
    expect((await call('POST', url, 'meera')).status).toBe(403);
    expect((await call('POST', url, 'puneAdmin')).status).toBe(404);
    const voided = await call('POST', url, 'hubAdmin');
    expect(voided).toMatchObject({ status: 200, body: { status: 'void', payment: null } });
    const again = await call('POST', url, 'hubAdmin');
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'INVOICE_NOT_OPEN' } } });
  });

  it('archives a plan: members no longer see it and nobody new subscribes to it', async () => {
    const url = `${billing()}/plans/${plans.Pro!.id}`;
    expect((await call('PATCH', url, 'asha', { archived: true })).status).toBe(403);
    expect((await call('PATCH', url, 'hubAdmin', {})).status).toBe(400);
    const renamed = await call('PATCH', url, 'hubAdmin', { name: 'Pro annual' });
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: 'Pro annual', discountPercent: 20, premium: true },
    });
    const archived = await call('PATCH', url, 'hubAdmin', { archived: true });
    expect(archived).toMatchObject({ status: 200, body: { archived: true } });
    const seen = await call('GET', `${billing()}/plans`, 'asha');
    expect(seen.body.items.map((p: MembershipPlan) => p.name)).toEqual(['Hobbyist', 'Maker']);
    const joining = await addMemberTo(cave.app.db, HUB, 'late-joiner', 'member');
    const refused = await call('POST', `${billing()}/subscriptions`, 'hubAdmin', {
      userId: joining,
      planId: plans.Pro!.id,
      startsOn: todayInBengaluru,
    });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'PLAN_ARCHIVED' } } });
  });

  it('refuses to invoice a month that is not over', async () => {
    const now = await call('POST', `${billing()}/invoices/run`, 'hubAdmin', {
      month: todayInBengaluru.slice(0, 7),
    });
    expect(now).toMatchObject({ status: 409, body: { error: { code: 'BILLING_MONTH_OPEN' } } });
  });

  it('ends a cancelled subscription with its month, and changes plans from the next one', async () => {
    const subs = (await call('GET', `${billing()}/subscriptions`, 'hubAdmin')).body
      .items as Subscription[];
    const ravis = subs.find((s) => s.member.userId === ids.ravi)!;
    const moved = await call('POST', `${billing()}/subscriptions/${ravis.id}/plan`, 'hubAdmin', {
      planId: plans.Hobbyist!.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const nextMonth = monthsBack(-1);
    expect(moved.body).toMatchObject({ plan: { name: 'Hobbyist' }, startsOn: `${nextMonth}-01` });
    const ashas = subs.find((s) => s.member.userId === ids.asha)!;
    const cancelled = await call(
      'POST',
      `${billing()}/subscriptions/${ashas.id}/cancel`,
      'hubAdmin',
    );
    expect(cancelled.body).toMatchObject({ endsOn: `${nextMonth}-01` });
    const twice = await call('POST', `${billing()}/subscriptions/${ashas.id}/cancel`, 'hubAdmin');
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'SUBSCRIPTION_ENDED' } } });
  });

  describe('the monthly job', () => {
    const invoiceCount = async () =>
      Number(
        (
          await cave.app.db.execute<{ n: number }>(
            sql`select count(*)::int as n from makrcave.membership_invoices where period_start >= ${`${EARLIER}-01`}::date and period_start < ${`${LAST_MONTH}-01`}::date`,
          )
        ).rows[0]!.n,
      );
    const numbersAreGapless = async () => {
      const rows = await cave.app.db.execute<{ number: string }>(
        sql`select number from makrcave.membership_invoices order by number`,
      );
      const byYear = new Map<string, number[]>();
      for (const { number } of rows.rows) {
        const [, year, n] = number.split('-');
        byYear.set(year!, [...(byYear.get(year!) ?? []), Number(n)]);
      }
      for (const numbers of byYear.values()) {
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    };

    it('issues nothing while ENABLE_AUTOMATED_BILLING is off for the makerspace', async () => {
      await cave.app.jobs.run('cave.billing.monthly-invoices');
      expect(await invoiceCount()).toBe(0);
    });

    it('stopped after one invoice, a re-run issues the rest once; a manual run finds them all', async () => {
      const first = await issueInvoicesForMonth(cave.app.db, EARLIER, { limit: 1 });
      expect(first.issued).toBe(1);
      expect(await invoiceCount()).toBe(1);
      const rest = await issueInvoicesForMonth(cave.app.db, EARLIER);
      expect(rest).toEqual({ month: EARLIER, issued: 1, alreadyIssued: 1 });
      const again = await call('POST', `${billing()}/invoices/run`, 'hubAdmin', { month: EARLIER });
      expect(again.body).toEqual({ month: EARLIER, issued: 0, alreadyIssued: 2 });
      expect(await invoiceCount()).toBe(2);
      await numbersAreGapless();
    });

    it('run twice with the flag on, issues each of last month’s invoices once', async () => {
      await cave.app.db.insert(featureFlags).values({
        key: 'ENABLE_AUTOMATED_BILLING',
        scope: 'makerspace',
        domain: 'cave',
        description: 'Membership and equipment usage billed automatically for a makerspace.',
      });
      await cave.app.db
        .insert(featureFlagMakerspaceOverrides)
        .values({ flagKey: 'ENABLE_AUTOMATED_BILLING', makerspaceId: ids.hub!, enabled: true });
      // Last month was invoiced by hand already: the job finds nothing new, twice.
      expect(await cave.app.jobs.run('cave.billing.monthly-invoices')).toBe(0);
      expect(await cave.app.jobs.run('cave.billing.monthly-invoices')).toBe(0);
      expect((await invoicesOf('hubAdmin')).length).toBe(5);
      await numbersAreGapless();
    });

    // PGlite has one connection: two issuers side by side need PostgreSQL.
    if (driver === 'postgres')
      it('run on two connections at once, issues each invoice once, numbered without gaps', async () => {
        await cave.app.db.execute(sql`delete from makrcave.membership_invoices`);
        await cave.app.db.execute(sql`delete from makrcave.invoice_counters`);
        const name = (
          await cave.app.db.execute<{ name: string }>(sql`select current_database() as name`)
        ).rows[0]!.name;
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${name}`;
        const second: DatabaseHandle = await connectDatabase({ url: url.toString(), poolSize: 5 });
        try {
          const runs: InvoiceRun[] = await Promise.all([
            issueInvoicesForMonth(cave.app.db, LAST_MONTH),
            issueInvoicesForMonth(second.db, LAST_MONTH),
          ]);
          expect(runs[0]!.issued + runs[1]!.issued).toBe(3);
        } finally {
          await second.close();
        }
        const rows = await cave.app.db.execute<{ n: number }>(
          sql`select count(*)::int as n from makrcave.membership_invoices`,
        );
        expect(Number(rows.rows[0]!.n)).toBe(3);
        await numbersAreGapless();
      });
  });
});
