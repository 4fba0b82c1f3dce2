import type { AdminPromotion, Category, PromotionCreate } from '@makrx/contracts';
import type { RefusalFields } from '../../lib/form-outcome';
import type { AsTyped } from '../catalog-admin/api';
import { depthOf } from '../catalog/category-tree';

/** The discount code form's fields; the categories travel as their slugs, comma-joined. */
export const promotionFields = [
  'code',
  'kind',
  'value',
  'currency',
  'minSubtotal',
  'validFrom',
  'validUntil',
  'usageLimit',
  'perBuyerLimit',
  'categorySlugs',
] as const;
export type PromotionField = (typeof promotionFields)[number];

const byPath: Record<string, PromotionField> = {
  code: 'code',
  kind: 'kind',
  value: 'value',
  currency: 'currency',
  minSubtotalCents: 'minSubtotal',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
  usageLimit: 'usageLimit',
  perBuyerLimit: 'perBuyerLimit',
  categorySlugs: 'categorySlugs',
};

/** Which field each of the service's refusals is about. */
export const promotionRefusals: RefusalFields<PromotionField> = {
  fieldOf: (path) => byPath[path.split('.')[0]!],
  codes: { CODE_TAKEN: 'code', UNKNOWN_CATEGORY: 'categorySlugs' },
};

/** What was typed, kept in the form when the service refused it. */
export function promotionValuesFrom(form: FormData): Record<PromotionField, string> {
  const values = Object.fromEntries(
    promotionFields.map((field) => [field, String(form.get(field) ?? '').trim()]),
  ) as Record<PromotionField, string>;
  values.categorySlugs = form.getAll('categorySlugs').map(String).join(',');
  return values;
}

/** A saved code as the form shows it. */
export function promotionValuesOf(promotion: AdminPromotion): Record<PromotionField, string> {
  return {
    code: promotion.code,
    kind: promotion.kind,
    value: valueAsTyped(promotion),
    currency: promotion.currency,
    minSubtotal:
      promotion.minSubtotalCents > 0 ? (promotion.minSubtotalCents / 100).toFixed(2) : '',
    validFrom: asLocalInput(promotion.validFrom),
    validUntil: asLocalInput(promotion.validUntil),
    usageLimit: promotion.usageLimit === null ? '' : String(promotion.usageLimit),
    perBuyerLimit: String(promotion.perBuyerLimit),
    categorySlugs: promotion.categories.map((c) => c.slug).join(','),
  };
}

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

/** Categories as the form lists them: tree order, each with how deep it sits. */
export interface CategoryOption {
  slug: string;
  name: string;
  depth: number;
}

export const categoryOptions = (categories: Category[]): CategoryOption[] =>
  categories.map((c) => ({ slug: c.slug, name: c.name, depth: depthOf(categories, c.slug) }));
