import type { MembershipInvoiceLine } from '@makrx/contracts';

/** A machine's time a member used in the period, with the rate it is billed at. */
export interface MachineTime {
  equipmentId: string;
  name: string;
  hourlyRateCents: number;
  minutes: number;
}

export interface PlanTerms {
  name: string;
  priceCents: number;
  discountPercent: number;
}

export type PricedLine = MembershipInvoiceLine & { equipmentId: string | null };

const hoursAndMinutes = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/**
 * An invoice's lines: the plan's fee when this period owes it, then the machine time beyond
 * the included minutes, then the plan's discount on that time. Included minutes are spent on
 * the most expensive machine first (the member's best case, and the order a member would pick),
 * ties by name. Each machine's time is billed at `minutes × hourly rate / 60`, rounded to the
 * minor unit; the discount is that total's percentage, rounded the same way.
 */
export function priceInvoiceLines(
  plan: PlanTerms,
  feeDue: boolean,
  usage: readonly MachineTime[],
  includedMinutesLeft: number,
): PricedLine[] {
  const lines: PricedLine[] = [];
  if (feeDue) {
    lines.push({
      kind: 'plan',
      description: `${plan.name} plan`,
      quantity: 1,
      unitPriceCents: plan.priceCents,
      amountCents: plan.priceCents,
      equipmentId: null,
    });
  }
  const byRate = [...usage].sort(
    (a, b) => b.hourlyRateCents - a.hourlyRateCents || a.name.localeCompare(b.name),
  );
  let left = Math.max(0, includedMinutesLeft);
  let usageCents = 0;
  for (const machine of byRate) {
    const included = Math.min(machine.minutes, left);
    left -= included;
    const billable = machine.minutes - included;
    const amountCents = Math.round((billable * machine.hourlyRateCents) / 60);
    usageCents += amountCents;
    lines.push({
      kind: 'usage',
      description:
        included > 0
          ? `${machine.name}: ${hoursAndMinutes(machine.minutes)} used, ${hoursAndMinutes(included)} included`
          : `${machine.name}: ${hoursAndMinutes(machine.minutes)} used`,
      quantity: billable,
      unitPriceCents: machine.hourlyRateCents,
      amountCents,
      equipmentId: machine.equipmentId,
    });
  }
  const discountCents = Math.round((usageCents * plan.discountPercent) / 100);
  if (discountCents > 0) {
    lines.push({
      kind: 'discount',
      description: `${plan.name} plan: ${plan.discountPercent} % off machine time`,
      quantity: 1,
      unitPriceCents: -discountCents,
      amountCents: -discountCents,
      equipmentId: null,
    });
  }
  return lines;
}
