import { z } from 'zod';

/*
 * MakrCave billing: a makerspace's membership plans, its members' subscriptions to them, and
 * the invoices issued for each month (the plan's fee and the machine time used beyond what
 * the plan includes). Money is integer minor units (paise, cents) with an ISO 4217 currency,
 * as in the store.
 */

export const billingInterval = z.enum(['monthly', 'yearly']);
export type BillingInterval = z.infer<typeof billingInterval>;

const isoDate = z.iso.date();
/** A calendar month, `2026-11`. */
export const billingMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** A plan's terms as an admin writes them; an update names only what changes. */
const planTerms = {
  name: z.string().trim().min(1).max(80),
  interval: billingInterval,
  /** The fee per interval, in minor units of the plan's currency. */
  priceCents: z.number().int().min(0).max(100_000_000),
  /** Machine hours the fee includes in each interval (a month, or a year). */
  includedHours: z.number().int().min(0).max(10_000),
  /** Off the hourly rate of machine time beyond the included hours. */
  discountPercent: z.number().int().min(0).max(100),
  premium: z.boolean(),
};

/** A new plan; its price is in the makerspace's currency (its settings), never named here. */
export const membershipPlanInput = z.strictObject({
  ...planTerms,
  discountPercent: planTerms.discountPercent.default(0),
  premium: planTerms.premium.default(false),
});

/**
 * A change to a plan (no defaults: what is not named stays as it was); archiving keeps its
 * subscriptions but offers it to nobody new. Its currency is the makerspace's, which stays
 * fixed while the makerspace has plans.
 */
export const membershipPlanUpdate = z
  .strictObject({ ...planTerms, archived: z.boolean() })
  .partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'changes something' });

export const membershipPlan = z.object({
  id: z.uuid(),
  name: z.string(),
  interval: billingInterval,
  priceCents: z.number().int(),
  currency: z.string(),
  includedHours: z.number().int(),
  discountPercent: z.number().int(),
  premium: z.boolean(),
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type MembershipPlan = z.infer<typeof membershipPlan>;
export const membershipPlanList = z.object({
  items: z.array(membershipPlan),
  /** The makerspace's currency (its settings): every plan's, and a new plan's. */
  currency: z.string(),
});
export type MembershipPlanList = z.infer<typeof membershipPlanList>;

export const subscriptionInput = z.strictObject({
  userId: z.uuid(),
  planId: z.uuid(),
  /** The first day billed; a month's invoice covers the days of it the subscription ran. */
  startsOn: isoDate,
});

export const subscriptionPlanChange = z.strictObject({ planId: z.uuid() });

export const subscription = z.object({
  id: z.uuid(),
  member: z.object({ userId: z.uuid(), name: z.string(), email: z.string() }),
  plan: z.object({ id: z.uuid(), name: z.string(), interval: billingInterval }),
  startsOn: isoDate,
  /** The first day no longer covered (the end of the period it was cancelled in); null while it runs. */
  endsOn: isoDate.nullable(),
  createdAt: z.iso.datetime(),
});
export type Subscription = z.infer<typeof subscription>;
export const subscriptionList = z.object({ items: z.array(subscription) });

export const invoiceStatus = z.enum(['open', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof invoiceStatus>;

/** How a payment recorded by hand was made. */
export const manualPaymentMethod = z.enum(['cash', 'upi', 'bank_transfer', 'card_terminal']);

export const manualPaymentInput = z.strictObject({
  method: manualPaymentMethod,
  /** The receipt, UPI transaction or bank reference the admin can find it again by. */
  reference: z.string().trim().min(1).max(120),
});

export const invoiceLine = z.object({
  kind: z.enum(['plan', 'usage', 'discount']),
  description: z.string(),
  /** Minutes for machine time; 1 for a plan fee or a discount. */
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  amountCents: z.number().int(),
});
export type MembershipInvoiceLine = z.infer<typeof invoiceLine>;

export const membershipInvoice = z.object({
  id: z.uuid(),
  number: z.string(),
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  member: z.object({ userId: z.uuid(), name: z.string(), email: z.string() }),
  plan: z.object({ id: z.uuid(), name: z.string() }),
  /** The first and last day billed. */
  periodStart: isoDate,
  periodEnd: isoDate,
  issuedAt: z.iso.datetime(),
  dueOn: isoDate,
  status: invoiceStatus,
  currency: z.string(),
  lines: z.array(invoiceLine),
  subtotalCents: z.number().int(),
  /** No tax is charged on cave invoices (docs/decisions/0016-cave-billing.md). */
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  payment: z
    .object({
      method: z.enum(['card', ...manualPaymentMethod.options]),
      reference: z.string(),
      paidAt: z.iso.datetime(),
    })
    .nullable(),
});
export type MembershipInvoice = z.infer<typeof membershipInvoice>;
export const membershipInvoiceList = z.object({ items: z.array(membershipInvoice) });
export type MembershipInvoiceList = z.infer<typeof membershipInvoiceList>;

export const invoiceRunInput = z.strictObject({ month: billingMonth });
export const invoiceRun = z.object({
  month: billingMonth,
  issued: z.number().int().nonnegative(),
  alreadyIssued: z.number().int().nonnegative(),
});
export type InvoiceRun = z.infer<typeof invoiceRun>;
