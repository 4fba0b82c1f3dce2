import {
  type MembershipPlan,
  type Subscription,
  type membershipPlanInput,
  type membershipPlanUpdate,
  type subscriptionInput,
} from '@makrx/contracts';
import { recordAuditBy, violates, type AuditRequester, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, between, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { makerspaceCurrencyOf } from '../makerspaces/service';
import { listMembers } from '../memberships/service';
import { billingSettingsOf } from './settings';
import { currentPeriodEnd, todayIn } from './periods';
import { membershipInvoices, membershipPlans, membershipSubscriptions } from './tables';

/** Who changes billing, as the audit log records it. */
export type BillingActor = AuditRequester;

const audit = (
  tx: Database,
  actor: BillingActor,
  action: string,
  entityType: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
) => recordAuditBy(tx, actor, { service: 'cave', action, entityType, entityId, ...change });

function toPlan(row: typeof membershipPlans.$inferSelect): MembershipPlan {
  return {
    id: row.id,
    name: row.name,
    interval: row.interval,
    priceCents: row.priceCents,
    currency: row.currency,
    includedHours: row.includedHours,
    discountPercent: row.discountPercent,
    premium: row.premium,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Why a makerspace's currency may no longer change, as the settings' refusal words it, or
 * null: issued invoices (void ones too: they keep their number and amounts) and plans
 * (archived ones too: their subscriptions may still be invoiced) are in it. Handed to the
 * makerspaces module where the modules are wired (service.ts), so it never reads these tables.
 */
export async function whyCurrencyIsFixed(
  db: Database,
  makerspaceId: string,
): Promise<string | null> {
  const [invoice] = await db
    .select({ id: membershipInvoices.id })
    .from(membershipInvoices)
    .where(eq(membershipInvoices.makerspaceId, makerspaceId))
    .limit(1);
  if (invoice) return 'has issued invoices';
  const [plan] = await db
    .select({ id: membershipPlans.id })
    .from(membershipPlans)
    .where(eq(membershipPlans.makerspaceId, makerspaceId))
    .limit(1);
  return plan ? 'has membership plans' : null;
}

/** A makerspace's plans, cheapest first; archived ones only when asked (its admins). */
export async function listPlans(
  db: Database,
  makerspaceId: string,
  { withArchived }: { withArchived: boolean },
): Promise<MembershipPlan[]> {
  const rows = await db
    .select()
    .from(membershipPlans)
    .where(
      and(
        eq(membershipPlans.makerspaceId, makerspaceId),
        withArchived ? undefined : isNull(membershipPlans.archivedAt),
      ),
    )
    .orderBy(asc(membershipPlans.priceCents), asc(membershipPlans.name));
  return rows.map(toPlan);
}

const nameTaken = (err: unknown) =>
  violates(err, '23505', 'membership_plans_name_per_makerspace')
    ? conflict('PLAN_NAME_TAKEN', 'This makerspace already has a plan of that name.')
    : err;

/**
 * A new plan, priced in the makerspace's currency. The currency is read under a share lock, so
 * an admin changing it at the same moment waits for the plan (and is then refused: the
 * makerspace has a plan) instead of leaving a plan in a currency the makerspace no longer uses.
 */
export async function createPlan(
  db: Database,
  makerspaceId: string,
  input: z.output<typeof membershipPlanInput>,
  actor: BillingActor,
): Promise<MembershipPlan> {
  try {
    return await db.transaction(async (tx) => {
      const currency = await makerspaceCurrencyOf(tx, makerspaceId, 'share');
      const [row] = await tx
        .insert(membershipPlans)
        .values({ makerspaceId, ...input, currency })
        .returning();
      const plan = toPlan(row!);
      await audit(tx, actor, 'billing.plan.created', 'membership_plan', plan.id, { after: plan });
      return plan;
    });
  } catch (err) {
    throw nameTaken(err);
  }
}

export async function updatePlan(
  db: Database,
  ref: { makerspaceId: string; planId: string },
  { archived, ...change }: z.output<typeof membershipPlanUpdate>,
  actor: BillingActor,
): Promise<MembershipPlan> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(membershipPlans).where(planWhere(ref)).for('update');
      if (!before) throw notFound('Plan');
      const archivedAt =
        archived === undefined
          ? before.archivedAt
          : archived
            ? (before.archivedAt ?? new Date())
            : null;
      const [row] = await tx
        .update(membershipPlans)
        .set({ ...change, archivedAt })
        .where(eq(membershipPlans.id, before.id))
        .returning();
      const plan = toPlan(row!);
      await audit(tx, actor, 'billing.plan.updated', 'membership_plan', plan.id, {
        before: toPlan(before),
        after: plan,
      });
      return plan;
    });
  } catch (err) {
    throw nameTaken(err);
  }
}

const planWhere = (ref: { makerspaceId: string; planId: string }) =>
  and(eq(membershipPlans.id, ref.planId), eq(membershipPlans.makerspaceId, ref.makerspaceId));

/** The plan a subscription is to be on: the makerspace's own, and still offered. */
async function planToSubscribe(tx: Database, ref: { makerspaceId: string; planId: string }) {
  const [plan] = await tx.select().from(membershipPlans).where(planWhere(ref));
  if (!plan) throw notFound('Plan');
  if (plan.archivedAt) {
    throw conflict(
      'PLAN_ARCHIVED',
      `The "${plan.name}" plan is archived and takes no subscribers.`,
    );
  }
  return plan;
}

async function subscriptionsWhere(db: Database, where: SQL | undefined): Promise<Subscription[]> {
  const rows = await db
    .select({
      id: membershipSubscriptions.id,
      userId: membershipSubscriptions.userId,
      name: users.displayName,
      email: users.email,
      planId: membershipPlans.id,
      planName: membershipPlans.name,
      interval: membershipPlans.interval,
      startsOn: membershipSubscriptions.startsOn,
      endsOn: membershipSubscriptions.endsOn,
      createdAt: membershipSubscriptions.createdAt,
    })
    .from(membershipSubscriptions)
    .innerJoin(membershipPlans, eq(membershipPlans.id, membershipSubscriptions.planId))
    .innerJoin(users, eq(users.id, membershipSubscriptions.userId))
    .where(where)
    .orderBy(asc(users.displayName), asc(membershipSubscriptions.startsOn));
  return rows.map((row) => ({
    id: row.id,
    member: { userId: row.userId, name: row.name, email: row.email },
    plan: { id: row.planId, name: row.planName, interval: row.interval },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Every subscription of a makerspace, past, running and starting later, by member. */
export const listSubscriptions = (db: Database, makerspaceId: string) =>
  subscriptionsWhere(db, eq(membershipSubscriptions.makerspaceId, makerspaceId));

const oneSubscription = async (db: Database, id: string) =>
  (await subscriptionsWhere(db, eq(membershipSubscriptions.id, id)))[0]!;

/** Inserts a subscription; overlapping another of the member's is the constraint's 409. */
async function insertSubscription(
  tx: Database,
  values: typeof membershipSubscriptions.$inferInsert,
): Promise<string> {
  try {
    const [row] = await tx
      .insert(membershipSubscriptions)
      .values(values)
      .returning({ id: membershipSubscriptions.id });
    return row!.id;
  } catch (err) {
    if (!violates(err, '23P01', 'membership_subscriptions_no_overlap')) throw err;
    throw conflict(
      'SUBSCRIPTION_OVERLAP',
      'The member already has a subscription covering those days; change its plan instead.',
      { startsOn: values.startsOn },
    );
  }
}

/** Puts a member of the makerspace on one of its plans from a day on. */
export async function subscribeMember(
  db: Database,
  makerspaceId: string,
  input: z.output<typeof subscriptionInput>,
  actor: BillingActor,
): Promise<Subscription> {
  const members = await listMembers(db, makerspaceId);
  if (!members.some((m) => m.userId === input.userId && m.roles.includes('member'))) {
    throw conflict('NOT_A_MEMBER', 'Only a member of this makerspace can be put on its plans.');
  }
  const id = await db.transaction(async (tx) => {
    const plan = await planToSubscribe(tx, { makerspaceId, planId: input.planId });
    const subscriptionId = await insertSubscription(tx, {
      makerspaceId,
      userId: input.userId,
      planId: plan.id,
      startsOn: input.startsOn,
    });
    await audit(
      tx,
      actor,
      'billing.subscription.started',
      'membership_subscription',
      subscriptionId,
      {
        after: { userId: input.userId, planId: plan.id, startsOn: input.startsOn },
      },
    );
    return subscriptionId;
  });
  return oneSubscription(db, id);
}

/** A running subscription of the makerspace, locked, with the day its current period ends. */
async function runningSubscription(
  tx: Database,
  ref: { makerspaceId: string; subscriptionId: string },
) {
  const [row] = await tx
    .select()
    .from(membershipSubscriptions)
    .where(
      and(
        eq(membershipSubscriptions.id, ref.subscriptionId),
        eq(membershipSubscriptions.makerspaceId, ref.makerspaceId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Subscription');
  if (row.endsOn !== null) {
    throw conflict('SUBSCRIPTION_ENDED', 'This subscription already has an end.', {
      endsOn: row.endsOn,
    });
  }
  const [plan] = await tx
    .select({ interval: membershipPlans.interval })
    .from(membershipPlans)
    .where(eq(membershipPlans.id, row.planId));
  const { timeZone } = await billingSettingsOf(tx, ref.makerspaceId);
  return { ...row, periodEnd: currentPeriodEnd(plan!.interval, row.startsOn, todayIn(timeZone)) };
}

/** Ends a subscription where its current period ends: what was paid for runs out. */
export async function cancelSubscription(
  db: Database,
  ref: { makerspaceId: string; subscriptionId: string },
  actor: BillingActor,
): Promise<Subscription> {
  await db.transaction(async (tx) => {
    const running = await runningSubscription(tx, ref);
    await tx
      .update(membershipSubscriptions)
      .set({ endsOn: running.periodEnd })
      .where(eq(membershipSubscriptions.id, running.id));
    await audit(
      tx,
      actor,
      'billing.subscription.cancelled',
      'membership_subscription',
      running.id,
      {
        before: { endsOn: null },
        after: { endsOn: running.periodEnd },
      },
    );
  });
  return oneSubscription(db, ref.subscriptionId);
}

/**
 * Moves a member to another plan from the start of the next period: the running subscription
 * ends there and a new one starts the same day (one that has not started yet just changes
 * plan). Returns the subscription on the new plan.
 */
export async function changeSubscriptionPlan(
  db: Database,
  ref: { makerspaceId: string; subscriptionId: string },
  planId: string,
  actor: BillingActor,
): Promise<Subscription> {
  const id = await db.transaction(async (tx) => {
    const running = await runningSubscription(tx, ref);
    const plan = await planToSubscribe(tx, { makerspaceId: ref.makerspaceId, planId });
    const { timeZone } = await billingSettingsOf(tx, ref.makerspaceId);
    const change = { before: { planId: running.planId }, after: { planId: plan.id } };
    if (running.startsOn >= todayIn(timeZone)) {
      await tx
        .update(membershipSubscriptions)
        .set({ planId: plan.id })
        .where(eq(membershipSubscriptions.id, running.id));
      await audit(
        tx,
        actor,
        'billing.subscription.plan-changed',
        'membership_subscription',
        running.id,
        change,
      );
      return running.id;
    }
    await tx
      .update(membershipSubscriptions)
      .set({ endsOn: running.periodEnd })
      .where(eq(membershipSubscriptions.id, running.id));
    const next = await insertSubscription(tx, {
      makerspaceId: ref.makerspaceId,
      userId: running.userId,
      planId: plan.id,
      startsOn: running.periodEnd,
    });
    await audit(
      tx,
      actor,
      'billing.subscription.plan-changed',
      'membership_subscription',
      running.id,
      {
        ...change,
        after: { ...change.after, endsOn: running.periodEnd, nextSubscriptionId: next },
      },
    );
    return next;
  });
  return oneSubscription(db, id);
}

/**
 * What a makerspace invoiced per billing month touched by `from`–`to` (local dates), void
 * invoices left out, summed by PostgreSQL; for the analytics page.
 */
export async function invoicedByMonth(
  db: Database,
  makerspaceId: string,
  period: { from: string; to: string },
): Promise<{ month: string; invoicedCents: number; currency: string }[]> {
  const month = sql<string>`to_char(${membershipInvoices.periodStart}, 'YYYY-MM')`;
  return db
    .select({
      month,
      invoicedCents: sql<number>`sum(${membershipInvoices.totalCents})::int`,
      currency: membershipInvoices.currency,
    })
    .from(membershipInvoices)
    .where(
      and(
        eq(membershipInvoices.makerspaceId, makerspaceId),
        ne(membershipInvoices.status, 'void'),
        between(month, period.from.slice(0, 7), period.to.slice(0, 7)),
      ),
    )
    .groupBy(month, membershipInvoices.currency)
    .orderBy(month, membershipInvoices.currency);
}
export { billingExportOf, endSubscriptions } from './privacy';
