import type { ProductCreate } from '@makrx/contracts';
import type { ServiceError } from '../../lib/service-client';

/** The new-product form's fields, as the page names its inputs. */
export const newProductFields = [
  'name',
  'slug',
  'brand',
  'categorySlug',
  'summary',
  'description',
  'specs',
  'sku',
  'price',
  'stock',
  'options',
] as const;
export type NewProductField = (typeof newProductFields)[number];
export type NewProductValues = Partial<Record<NewProductField, string>>;
export type NewProductErrors = Partial<Record<NewProductField, string>>;

/** What the form says about a field the service refused, in words an admin can act on. */
const fieldAdvice: Partial<Record<NewProductField, string>> = {
  name: 'Give the product a name of up to 160 characters.',
  slug: 'Use lowercase letters, digits and dashes, like pla-filament-red-1kg.',
  categorySlug: 'Pick a category.',
  specs: 'Write one specification per line, as Name: value.',
  sku: 'Use capital letters, digits and dashes, like FIL-PLA-RED-1000.',
  price: 'Enter a price like 24.99.',
  stock: 'Enter a whole number, 0 or more.',
  options: 'Write options as name=value, separated by semicolons: colour=Red; size=1 kg.',
};

/** "a=b; c=d" or "A: b" lines → a record; a piece without its separator keeps an empty name,
 * so the service refuses it instead of the form dropping it silently. */
function pairsOf(text: string, pieces: RegExp, separator: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const piece of text.split(pieces)) {
    if (!piece.trim()) continue;
    const at = piece.indexOf(separator);
    const name = at < 0 ? '' : piece.slice(0, at).trim();
    pairs[name] = (at < 0 ? piece : piece.slice(at + 1)).trim();
  }
  return pairs;
}

/** "24.99" → 2499; anything else becomes null, which the service refuses as not a number. */
function centsOf(price: string): number | null {
  return /^\d+(\.\d{1,2})?$/.test(price) ? Math.round(Number(price) * 100) : null;
}

function wholeNumberOf(value: string): number | null {
  if (!value) return 0;
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** The admin API's body for a product with its first variant, from the form's values. */
export function newProductBody(values: NewProductValues): Record<keyof ProductCreate, unknown> {
  const value = (field: NewProductField) => (values[field] ?? '').trim();
  return {
    name: value('name'),
    slug: value('slug').toLowerCase(),
    brand: value('brand'),
    categorySlug: value('categorySlug'),
    summary: value('summary'),
    description: value('description'),
    specs: pairsOf(value('specs'), /\r?\n/, ':'),
    variants: [
      {
        sku: value('sku').toUpperCase(),
        priceCents: centsOf(value('price')),
        stock: wholeNumberOf(value('stock')),
        options: pairsOf(value('options'), /;/, '='),
      },
    ],
  };
}

/** The form field a service field path (`variants.0.priceCents`, `specs.Weight`) belongs to. */
function formFieldOf(path: string): NewProductField | undefined {
  const [head, index, leaf] = path.split('.');
  if (head === 'variants') {
    if (index !== '0' || !leaf) return 'sku';
    return ({ sku: 'sku', priceCents: 'price', stock: 'stock', options: 'options' } as const)[
      leaf as 'sku'
    ];
  }
  return newProductFields.find((field) => field === head);
}

const conflictFields: Partial<Record<ServiceError['code'], NewProductField>> = {
  SLUG_TAKEN: 'slug',
  SKU_TAKEN: 'sku',
  UNKNOWN_CATEGORY: 'categorySlug',
};

/**
 * The service's refusal as messages beside the fields: a validation failure names each field in
 * its details; a conflict (slug or SKU taken, unknown category) is known by its code.
 */
export function newProductErrors(
  code: ServiceError['code'],
  message: string,
  details: unknown,
): NewProductErrors {
  const errors: NewProductErrors = {};
  const conflict = conflictFields[code];
  if (conflict) {
    errors[conflict] = message;
    return errors;
  }
  if (code !== 'VALIDATION_FAILED' || !Array.isArray(details)) return errors;
  for (const detail of details as Array<{ field?: unknown; message?: unknown }>) {
    const field = typeof detail.field === 'string' ? formFieldOf(detail.field) : undefined;
    if (!field || errors[field]) continue;
    errors[field] =
      fieldAdvice[field] ?? (typeof detail.message === 'string' ? detail.message : message);
  }
  return errors;
}
