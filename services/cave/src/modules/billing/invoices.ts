import type { MembershipInvoice, InvoiceRun, manualPaymentInput } from '@makrx/contracts';
import { formatMoney } from '@makrx/documents';
import { recordAudit, recordAuditBy, violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { machineRatesById } from '../equipment/service';
import { makerspacesById } from '../makerspaces/service';
import { usedMinutesByMachine } from '../reservations/service';
import type { BillingActor } from './service';
import { addDays, coveredDays, monthBounds, monthOf, periodOpening, todayIn } from './periods';
import { priceInvoiceLines, type MachineTime } from './pricing';
import { billingSettingsOf, startOfDay, type BillingSettings } from './settings';
import {
  invoiceCounters,
  membershipInvoiceLines,
  membershipInvoices,
  membershipPlans,
  membershipSubscriptions,
} from './tables';

type Outcome = 'issued' | 'already-issued' | 'not-covered';

/** The subscription to invoice, with its plan's terms. */
async function subscriptionToInvoice(tx: Database, subscriptionId: string) {
  const [row] = await tx
    .select({
      id: membershipSubscriptions.id,
      makerspaceId: membershipSubscriptions.makerspaceId,
      userId: membershipSubscriptions.userId,
      startsOn: membershipSubscriptions.startsOn,
      endsOn: membershipSubscriptions.endsOn,
      plan: membershipPlans,
    })
    .from(membershipSubscriptions)
    .innerJoin(membershipPlans, eq(membershipPlans.id, membershipSubscriptions.planId))
    .where(eq(membershipSubscriptions.id, subscriptionId));
  if (!row) throw notFound('Subscription');
  return row;
}

/**
 * The next invoice number of the makerspace for `year`, its counter row locked until the
 * transaction ends: issuers of one makerspace take turns, and a rolled-back invoice gives its
 * number back.
 */
async function lockInvoiceCounter(tx: Database, makerspaceId: string, year: number) {
  await tx.insert(invoiceCounters).values({ makerspaceId, year }).onConflictDoNothing();
  const [counter] = await tx
    .select({ lastNumber: invoiceCounters.lastNumber })
    .from(invoiceCounters)
    .where(and(eq(invoiceCounters.makerspaceId, makerspaceId), eq(invoiceCounters.year, year)))
    .for('update');
  return {
    next: counter!.lastNumber + 1,
    take: () =>
      tx
        .update(invoiceCounters)
        .set({ lastNumber: counter!.lastNumber + 1 })
        .where(and(eq(invoiceCounters.makerspaceId, makerspaceId), eq(invoiceCounters.year, year))),
  };
}

const invoiceNumber = (settings: BillingSettings, year: number, n: number) =>
  `${settings.invoicePrefix}-${year}-${String(n).padStart(4, '0')}`;

/** The machine time of the period, with each machine's name and rate. */
async function machineTime(
  tx: Database,
  of: { makerspaceId: string; userId: string; from: string; to: string },
): Promise<MachineTime[]> {
  const used = await usedMinutesByMachine(tx, of);
  const rates = new Map(
    (
      await machineRatesById(
        tx,
        used.map((u) => u.equipmentId),
      )
    ).map((m) => [m.id, m]),
  );
  return used.map((u) => ({ ...u, ...rates.get(u.equipmentId)!, equipmentId: u.equipmentId }));
}

/**
 * Issues a subscription's invoice for `month`, in one transaction: its plan fee (monthly, or
 * in the first month of each subscription year), machine time beyond the included hours and
 * the plan's discount. Whoever issues it and however often, a subscription has one invoice a
 * month: a second issuer finds it (after waiting on the counter lock), or, at worst, is refused
 * by `invoices_once_per_period` and rolls back, number and all.
 */
export async function issueInvoice(
  db: Database,
  subscriptionId: string,
  month: string,
  { actor, notifyMember = true }: Pick<InvoiceRunOptions, 'actor' | 'notifyMember'> = {},
): Promise<Outcome> {
  try {
    return await db.transaction(async (tx) => {
      const sub = await subscriptionToInvoice(tx, subscriptionId);
      const days = coveredDays(sub, month);
      if (!days) return 'not-covered';
      const settings = await billingSettingsOf(tx, sub.makerspaceId);
      const year = Number(month.slice(0, 4));
      const counter = await lockInvoiceCounter(tx, sub.makerspaceId, year);
      const [existing] = await tx
        .select({ id: membershipInvoices.id })
        .from(membershipInvoices)
        .where(
          and(
            eq(membershipInvoices.subscriptionId, sub.id),
            eq(membershipInvoices.periodStart, days.start),
          ),
        );
      if (existing) return 'already-issued';

      const at = (day: string) => startOfDay(tx, settings.timeZone, day);
      const opening = periodOpening(sub.plan.interval, sub.startsOn, month);
      const usedBefore = async () => {
        const from = monthBounds(opening).first;
        if (opening === month) return 0;
        const earlier = await machineTime(tx, {
          makerspaceId: sub.makerspaceId,
          userId: sub.userId,
          from: await at(from > sub.startsOn ? from : sub.startsOn),
          to: await at(days.start),
        });
        return earlier.reduce((sum, m) => sum + m.minutes, 0);
      };
      const usage = await machineTime(tx, {
        makerspaceId: sub.makerspaceId,
        userId: sub.userId,
        from: await at(days.start),
        to: await at(days.end),
      });
      const lines = priceInvoiceLines(
        sub.plan,
        opening === month,
        usage,
        sub.plan.includedHours * 60 - (await usedBefore()),
      );
      const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
      const number = invoiceNumber(settings, year, counter.next);
      const dueOn = addDays(todayIn(settings.timeZone), settings.paymentDueDays);
      const [invoice] = await tx
        .insert(membershipInvoices)
        .values({
          makerspaceId: sub.makerspaceId,
          subscriptionId: sub.id,
          userId: sub.userId,
          planId: sub.plan.id,
          number,
          periodStart: days.start,
          periodEnd: addDays(days.end, -1),
          dueOn,
          currency: sub.plan.currency,
          subtotalCents,
          taxCents: 0,
          totalCents: subtotalCents,
        })
        .returning({ id: membershipInvoices.id });
      await tx
        .insert(membershipInvoiceLines)
        .values(lines.map((line, position) => ({ ...line, invoiceId: invoice!.id, position })));
      await counter.take();
      const issued = {
        number,
        subscriptionId: sub.id,
        periodStart: days.start,
        totalCents: subtotalCents,
      };
      if (actor) {
        await recordAuditBy(tx, actor, {
          service: 'cave',
          action: 'billing.invoice.issued',
          entityType: 'membership_invoice',
          entityId: invoice!.id,
          after: issued,
        });
      } else {
        await recordAudit(tx, {
          service: 'cave',
          action: 'billing.invoice.issued',
          entityType: 'membership_invoice',
          entityId: invoice!.id,
          actorId: null,
          requestId: null,
          after: issued,
        });
      }
      if (!notifyMember) return 'issued';
      await requestNotification(tx, 'cave', {
        userId: sub.userId,
        kind: 'makerspace.update',
        title: `Invoice ${number} is ready`,
        body: `Your ${sub.plan.name} plan invoice for ${month}: ${formatMoney(subtotalCents, sub.plan.currency)}, due ${dueOn}.`,
      });
      return 'issued';
    });
  } catch (err) {
    if (violates(err, '23505', 'invoices_once_per_period')) return 'already-issued';
    throw err;
  }
}

/** Subscriptions covering some day of `month` that have no invoice for it yet. */
async function subscriptionsToInvoice(db: Database, month: string, makerspaceId?: string) {
  const { first, next } = monthBounds(month);
  const periodStart = sql`greatest(${membershipSubscriptions.startsOn}, ${first}::date)`;
  const covering = and(
    lt(membershipSubscriptions.startsOn, next),
    or(
      isNull(membershipSubscriptions.endsOn),
      sql`${membershipSubscriptions.endsOn} > ${first}::date`,
    ),
    makerspaceId ? eq(membershipSubscriptions.makerspaceId, makerspaceId) : undefined,
  );
  const invoiced = sql<boolean>`exists (select 1 from ${membershipInvoices} i where i.subscription_id = ${membershipSubscriptions.id} and i.period_start = ${periodStart})`;
  return db
    .select({
      id: membershipSubscriptions.id,
      makerspaceId: membershipSubscriptions.makerspaceId,
      invoiced,
    })
    .from(membershipSubscriptions)
    .where(covering)
    .orderBy(asc(membershipSubscriptions.makerspaceId), asc(membershipSubscriptions.createdAt));
}

/** The makerspaces that have subscriptions, whom the monthly job may have invoices to issue for. */
export async function makerspacesWithSubscriptions(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ makerspaceId: membershipSubscriptions.makerspaceId })
    .from(membershipSubscriptions);
  return rows.map((row) => row.makerspaceId);
}

export interface InvoiceRunOptions {
  makerspaceId?: string;
  /** Who asked (an admin's run); the monthly job runs as nobody. */
  actor?: BillingActor;
  /** Issue at most this many now; the rest are issued by the next run. */
  limit?: number;
  /** Tell each member their invoice is ready (default); demo data, seeded unwatched, does not. */
  notifyMember?: boolean;
}

/**
 * Issues `month`'s invoices of every subscription that has none yet, each in its own
 * transaction: a run cut short (or two runs at once) leaves each invoice issued exactly once,
 * and the next run issues the rest.
 */
export async function issueInvoicesForMonth(
  db: Database,
  month: string,
  { makerspaceId, actor, limit = Infinity, notifyMember }: InvoiceRunOptions = {},
): Promise<InvoiceRun> {
  const run: InvoiceRun = { month, issued: 0, alreadyIssued: 0 };
  for (const sub of await subscriptionsToInvoice(db, month, makerspaceId)) {
    if (sub.invoiced) {
      run.alreadyIssued += 1;
      continue;
    }
    if (run.issued >= limit) break;
    const outcome = await issueInvoice(db, sub.id, month, { actor, notifyMember });
    if (outcome === 'issued') run.issued += 1;
    if (outcome === 'already-issued') run.alreadyIssued += 1;
  }
  return run;
}

/** An admin issues a month's invoices now, the job's way; only a month that is over. */
export async function issuePastMonthByHand(
  db: Database,
  makerspaceId: string,
  month: string,
  actor: BillingActor,
): Promise<InvoiceRun> {
  const { timeZone } = await billingSettingsOf(db, makerspaceId);
  if (month >= monthOf(todayIn(timeZone))) {
    throw conflict('BILLING_MONTH_OPEN', `${month} is not over yet.`);
  }
  return issueInvoicesForMonth(db, month, { makerspaceId, actor });
}

const invoiceColumns = {
  invoice: membershipInvoices,
  planName: membershipPlans.name,
  memberName: users.displayName,
  memberEmail: users.email,
};

async function invoicesWhere(db: Database, where: SQL | undefined): Promise<MembershipInvoice[]> {
  const rows = await db
    .select(invoiceColumns)
    .from(membershipInvoices)
    .innerJoin(membershipPlans, eq(membershipPlans.id, membershipInvoices.planId))
    .innerJoin(users, eq(users.id, membershipInvoices.userId))
    .where(where)
    .orderBy(desc(membershipInvoices.periodStart), desc(membershipInvoices.number));
  const ids = rows.map((row) => row.invoice.id);
  const [lines, spaces] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select()
          .from(membershipInvoiceLines)
          .where(inArray(membershipInvoiceLines.invoiceId, ids))
          .orderBy(asc(membershipInvoiceLines.position)),
    makerspacesById(
      db,
      rows.map((row) => row.invoice.makerspaceId),
    ),
  ]);
  const spaceOf = new Map(spaces.map((space) => [space.id, space]));
  return rows.map(({ invoice, planName, memberName, memberEmail }) => ({
    id: invoice.id,
    number: invoice.number,
    makerspace: spaceOf.get(invoice.makerspaceId)!,
    member: { userId: invoice.userId, name: memberName, email: memberEmail },
    plan: { id: invoice.planId, name: planName },
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    issuedAt: invoice.issuedAt.toISOString(),
    dueOn: invoice.dueOn,
    status: invoice.status,
    currency: invoice.currency,
    lines: lines
      .filter((line) => line.invoiceId === invoice.id)
      .map(({ kind, description, quantity, unitPriceCents, amountCents }) => ({
        kind,
        description,
        quantity,
        unitPriceCents,
        amountCents,
      })),
    subtotalCents: invoice.subtotalCents,
    taxCents: invoice.taxCents,
    totalCents: invoice.totalCents,
    payment:
      invoice.paidAt && invoice.paymentMethod
        ? {
            method: invoice.paymentMethod as NonNullable<MembershipInvoice['payment']>['method'],
            reference: invoice.paymentReference ?? '',
            paidAt: invoice.paidAt.toISOString(),
          }
        : null,
  }));
}

/** An invoice the route names: within that makerspace, and only the owner's when set. */
export interface InvoiceRef {
  makerspaceId: string;
  invoiceId: string;
  /** Set for a member reading their own; unset for the makerspace's admins. */
  ownerId?: string;
}

const refWhere = (ref: InvoiceRef) =>
  and(
    eq(membershipInvoices.id, ref.invoiceId),
    eq(membershipInvoices.makerspaceId, ref.makerspaceId),
    ref.ownerId === undefined ? undefined : eq(membershipInvoices.userId, ref.ownerId),
  );

/** A makerspace's invoices, newest period first: all of them, or one member's. */
export const listInvoices = (db: Database, makerspaceId: string, ownerId?: string) =>
  invoicesWhere(
    db,
    and(
      eq(membershipInvoices.makerspaceId, makerspaceId),
      ownerId === undefined ? undefined : eq(membershipInvoices.userId, ownerId),
    ),
  );

/** One invoice; another member's is 404, as a missing one. */
export async function findInvoice(db: Database, ref: InvoiceRef): Promise<MembershipInvoice> {
  const [found] = await invoicesWhere(db, refWhere(ref));
  if (!found) throw notFound('Invoice');
  return found;
}

/** Changes an open invoice's status in one conditional update, audited; 409 when not open. */
async function closeInvoice(
  db: Database,
  ref: InvoiceRef,
  change: Partial<typeof membershipInvoices.$inferInsert> & { status: 'paid' | 'void' },
  actor: BillingActor,
  action: string,
): Promise<MembershipInvoice> {
  await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(membershipInvoices)
      .set(change)
      .where(and(refWhere(ref), eq(membershipInvoices.status, 'open')))
      .returning({ id: membershipInvoices.id });
    if (!closed) {
      const [found] = await tx
        .select({ status: membershipInvoices.status })
        .from(membershipInvoices)
        .where(refWhere(ref));
      if (!found) throw notFound('Invoice');
      throw conflict('INVOICE_NOT_OPEN', `This invoice is ${found.status}.`, {
        status: found.status,
      });
    }
    await recordAuditBy(tx, actor, {
      service: 'cave',
      action,
      entityType: 'membership_invoice',
      entityId: closed.id,
      before: { status: 'open' },
      after: {
        status: change.status,
        method: change.paymentMethod,
        reference: change.paymentReference,
      },
    });
  });
  return findInvoice(db, ref);
}

/** An admin records a payment made outside the app (cash at the desk, UPI, a transfer). */
export const recordManualPayment = (
  db: Database,
  ref: InvoiceRef,
  payment: z.output<typeof manualPaymentInput>,
  actor: BillingActor,
) =>
  closeInvoice(
    db,
    ref,
    {
      status: 'paid',
      paidAt: new Date(),
      paymentMethod: payment.method,
      paymentReference: payment.reference,
    },
    actor,
    'billing.invoice.paid-by-hand',
  );

/** An admin cancels an invoice issued in error; its number stays used. */
export const voidInvoice = (db: Database, ref: InvoiceRef, actor: BillingActor) =>
  closeInvoice(db, ref, { status: 'void' }, actor, 'billing.invoice.voided');
