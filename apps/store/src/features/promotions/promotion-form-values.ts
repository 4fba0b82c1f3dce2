import type { AdminPromotion, PromotionCreate } from '@makrx/contracts';
import type { AsTyped } from '../catalog-admin/api';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** An amount typed as 12.50 in cents; null when it is not a number, for the service to refuse. */
function cents(typed: string): number | null {
  if (typed === '') return 0;
  const amount = Number(typed);
  return Number.isFinite(amount) ? Math.round(amount * 100) : null;
}

const wholeOrNull = (typed: string): number | null => {
  if (typed === '') return null;
  const n = Number(typed);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** A `datetime-local` value, read as UTC (the form says so); empty is none. */
const instant = (typed: string): string | null =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(typed) ? `${typed}:00Z` : null;

/** The discount code form as the service's body: the service checks every field again. */
export function promotionBodyFrom(form: FormData): AsTyped<PromotionCreate> {
  const kind = text(form, 'kind') === 'fixed' ? 'fixed' : 'percent';
  const value = text(form, 'value');
  const validFrom = instant(text(form, 'validFrom'));
  return {
    code: text(form, 'code'),
    kind,
    value: kind === 'fixed' ? cents(value) : wholeOrNull(value),
    currency: text(form, 'currency').toUpperCase() || 'USD',
    minSubtotalCents: cents(text(form, 'minSubtotal')),
    validFrom: validFrom ?? undefined,
    validUntil: instant(text(form, 'validUntil')),
    usageLimit: wholeOrNull(text(form, 'usageLimit')),
    perBuyerLimit: wholeOrNull(text(form, 'perBuyerLimit')) ?? 1,
    categorySlugs: form.getAll('categorySlugs').map(String),
  };
}

/** An instant as a `datetime-local` value in UTC. */
export const asLocalInput = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

/** The value as the form shows it: 10 (per cent) or 5.00 (an amount). */
export const valueAsTyped = (promotion: Pick<AdminPromotion, 'kind' | 'value'>) =>
  promotion.kind === 'fixed' ? (promotion.value / 100).toFixed(2) : String(promotion.value);
