import type { Product, ProductVariant } from '@makrx/contracts';
import type { SearchParams } from './catalog-query';
import { inOptionOrder, orderedOptions } from '@makrx/contracts/line-names';
import { single } from '../../lib/search-params';

/** Form fields of the variant picker: one radio group per option, `option.colour=Black`. */
export const optionField = (name: string) => `option.${name}`;

/** The option names in offering order (colour before size), with each name's values in the
 * order the variants first use them. */
export function optionGroups(
  variants: ProductVariant[],
): Array<{ name: string; values: string[] }> {
  const groups = new Map<string, string[]>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return inOptionOrder([...groups.keys()]).map((name) => ({ name, values: groups.get(name)! }));
}

/**
 * The variant a product page shows: `?variant=SKU` when it names one; else, from the picker's
 * submitted options, the variant matching the most of them (null when none was submitted).
 */
export function variantFromOptions(
  variants: ProductVariant[],
  params: SearchParams,
): ProductVariant | null {
  const chosen = optionGroups(variants)
    .map(({ name }) => [name, single(params[optionField(name)])] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (chosen.length === 0) return null;
  const score = (variant: ProductVariant) =>
    chosen.reduce(
      // Earlier options weigh more: a colour picked keeps its colour if the size is missing.
      (sum, [name, value], index) =>
        sum + (variant.options[name] === value ? 2 ** (chosen.length - index) : 0),
      0,
    );
  return variants.reduce((best, variant) => (score(variant) > score(best) ? variant : best));
}

export function variantBySku(variants: ProductVariant[], sku: string | undefined) {
  return variants.find((variant) => variant.sku === sku);
}

/** "Galaxy Black · 1 kg" */
export function variantLabel(variant: Pick<ProductVariant, 'options' | 'sku'>): string {
  const values = orderedOptions(variant.options).map(([, value]) => value);
  return values.length > 0 ? values.join(' · ') : variant.sku;
}

export function variantHref(slug: string, sku: string): string {
  return `/products/${encodeURIComponent(slug)}?variant=${encodeURIComponent(sku)}`;
}

/** The page title of a product in a variant: "PETG Filament, Jet Black, 2 kg · Prusament". */
export function productPageTitle(
  product: Pick<Product, 'name' | 'brand' | 'variants'>,
  variant: Pick<ProductVariant, 'options'>,
): string {
  const values = orderedOptions(variant.options).map(([, value]) => value);
  const name = product.variants.length > 1 ? [product.name, ...values].join(', ') : product.name;
  return `${name} · ${product.brand}`;
}

export interface GalleryImage {
  url: string;
  alt: string;
  /** The variant this picture shows, when it is a variant's own. */
  variantSku?: string;
}

/**
 * Every picture of a product, in order: its photos (or its catalog image when it has none),
 * then the pictures of those variants that have their own.
 */
export function galleryImages(
  product: Pick<Product, 'name' | 'imageUrl' | 'images' | 'variants'>,
): GalleryImage[] {
  const images: GalleryImage[] =
    product.images.length > 0
      ? product.images.map((image) => ({ url: image.url, alt: image.alt || product.name }))
      : [{ url: product.imageUrl, alt: product.name }];
  for (const variant of product.variants) {
    if (!variant.imageUrl || images.some((image) => image.url === variant.imageUrl)) continue;
    images.push({
      url: variant.imageUrl,
      alt: `${product.name} in ${variantLabel(variant)}`,
      variantSku: variant.sku,
    });
  }
  return images;
}

/** Which picture a variant is shown with: its own when it has one, else the first. */
export function imageIndexFor(
  images: GalleryImage[],
  variant: Pick<ProductVariant, 'sku'>,
): number {
  return Math.max(
    0,
    images.findIndex((image) => image.variantSku === variant.sku),
  );
}
