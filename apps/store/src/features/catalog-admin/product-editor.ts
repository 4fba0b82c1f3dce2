import type {
  AdminProduct,
  ImageUpdate,
  ProductImage,
  ProductUpdate,
  StockAdjustment,
  VariantCreate,
  VariantUpdate,
} from '@makrx/contracts';
import type { RefusalFields } from '../../lib/form-outcome';
import type { AsTyped } from './api';
import {
  catalogFieldAdvice,
  centsOf,
  optionsOf,
  optionsText,
  wholeNumberOf,
} from './catalog-form-values';

/**
 * The product editor's forms: the fields each one sends, what it sends the admin API, and
 * beside which field each refusal of the service is shown.
 */

type Variant = AdminProduct['variants'][number];

/** Where a service field path's first part (`priceCents`, `options.colour`) is shown. */
const byFirstPart =
  <Field extends string>(fields: Record<string, Field>) =>
  (path: string): Field | undefined => {
    const [first = ''] = path.split('.');
    return Object.hasOwn(fields, first) ? fields[first] : undefined;
  };

export const detailsFields = [
  'name',
  'brand',
  'categorySlug',
  'summary',
  'description',
  'archived',
] as const;
export type DetailsField = (typeof detailsFields)[number];

/** The details as the form starts from them; the checkbox sends "on" when ticked. */
export const savedDetails = (product: AdminProduct): Record<DetailsField, string> => ({
  name: product.name,
  brand: product.brand,
  categorySlug: product.categorySlug,
  summary: product.summary,
  description: product.description,
  archived: product.archived ? 'on' : '',
});

export const detailsBody = (values: Record<DetailsField, string>): ProductUpdate => ({
  name: values.name,
  brand: values.brand,
  summary: values.summary,
  description: values.description,
  categorySlug: values.categorySlug,
  archived: values.archived === 'on',
});

export const detailsRefusals: RefusalFields<DetailsField> = {
  fieldOf: byFirstPart({
    name: 'name',
    brand: 'brand',
    categorySlug: 'categorySlug',
    summary: 'summary',
    description: 'description',
    archived: 'archived',
  }),
  codes: { UNKNOWN_CATEGORY: 'categorySlug' },
  advice: catalogFieldAdvice,
};

export const variantFields = ['price', 'options'] as const;
export type VariantField = (typeof variantFields)[number];

export const savedVariant = (variant: Variant): Record<VariantField, string> => ({
  price: (variant.priceCents / 100).toFixed(2),
  options: optionsText(variant.options),
});

export const variantBody = (values: Record<VariantField, string>): AsTyped<VariantUpdate> => ({
  priceCents: centsOf(values.price),
  options: optionsOf(values.options),
});

export const variantRefusals: RefusalFields<VariantField> = {
  fieldOf: byFirstPart({ priceCents: 'price', options: 'options' }),
  advice: catalogFieldAdvice,
};

export const stockFields = ['stock', 'reason'] as const;
export type StockField = (typeof stockFields)[number];

/** The shelf count, as counted: the service records the difference with the reason. */
export const stockBody = (values: Record<StockField, string>): AsTyped<StockAdjustment> => ({
  setTo: wholeNumberOf(values.stock),
  reason: values.reason,
});

export const stockRefusals: RefusalFields<StockField> = {
  fieldOf: byFirstPart({ setTo: 'stock', delta: 'stock', reason: 'reason' }),
  codes: { STOCK_BELOW_ZERO: 'stock' },
  advice: catalogFieldAdvice,
};

export const newVariantFields = ['sku', 'options', 'price', 'stock'] as const;
export type NewVariantField = (typeof newVariantFields)[number];

export const newVariantBody = (
  values: Record<NewVariantField, string>,
): AsTyped<VariantCreate> => ({
  sku: values.sku.toUpperCase(),
  options: optionsOf(values.options),
  priceCents: centsOf(values.price),
  // An empty stock field means none on the shelf yet.
  stock: wholeNumberOf(values.stock || '0'),
});

export const newVariantRefusals: RefusalFields<NewVariantField> = {
  fieldOf: byFirstPart({ sku: 'sku', options: 'options', priceCents: 'price', stock: 'stock' }),
  codes: { SKU_TAKEN: 'sku' },
  advice: catalogFieldAdvice,
};

export const imageFields = ['alt', 'position'] as const;
export type ImageField = (typeof imageFields)[number];

export const savedImage = (image: ProductImage): Record<ImageField, string> => ({
  alt: image.alt,
  position: String(image.position),
});

export const imageBody = (values: Record<ImageField, string>): AsTyped<ImageUpdate> => ({
  alt: values.alt,
  position: wholeNumberOf(values.position || '0'),
});

export const imageRefusals: RefusalFields<ImageField> = {
  fieldOf: byFirstPart({ alt: 'alt', position: 'position' }),
  advice: catalogFieldAdvice,
};

/** The upload form: the file (which no form keeps after a send) and its alt text. */
export const uploadFields = ['image', 'alt'] as const;
export type UploadField = (typeof uploadFields)[number];

export const uploadRefusals: RefusalFields<UploadField> = {
  fieldOf: byFirstPart({ alt: 'alt' }),
  codes: {
    EMPTY_UPLOAD: 'image',
    IMAGE_TOO_LARGE: 'image',
    UNSUPPORTED_IMAGE_TYPE: 'image',
    BODY_TOO_LARGE: 'image',
  },
  advice: catalogFieldAdvice,
};
