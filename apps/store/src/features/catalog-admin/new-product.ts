import type { ProductCreate } from '@makrx/contracts';
import type { RefusalFields } from '../../lib/form-outcome';
import {
  catalogFieldAdvice,
  centsOf,
  optionsOf,
  specsOf,
  wholeNumberOf,
} from './catalog-form-values';

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
    specs: specsOf(value('specs')),
    variants: [
      {
        sku: value('sku').toUpperCase(),
        priceCents: centsOf(value('price')),
        // An empty stock field means none on the shelf yet.
        stock: wholeNumberOf(value('stock') || '0'),
        options: optionsOf(value('options')),
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

/** Where the service's refusals of a new product go: beside the field each one is about. */
export const newProductRefusals: RefusalFields<NewProductField> = {
  fieldOf: formFieldOf,
  codes: { SLUG_TAKEN: 'slug', SKU_TAKEN: 'sku', UNKNOWN_CATEGORY: 'categorySlug' },
  advice: catalogFieldAdvice,
};
