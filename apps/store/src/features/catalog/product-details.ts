import type { Product } from '@makrx/contracts';
import { orderedOptions } from '@makrx/contracts/line-names';
import { stockLevel } from './stock-level';

/**
 * Spec keys may arrive as labels ("Nozzle temperature") or as identifiers
 * ("nozzleTemperature", "nozzle_temperature"); shoppers see labels either way.
 */
export function specLabel(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function specRows(specs: Product['specs']): Array<{ label: string; value: string }> {
  return Object.entries(specs).map(([key, value]) => ({ label: specLabel(key), value }));
}

/** The description arrives as plain text; blank lines separate its paragraphs. */
export function descriptionParagraphs(description: string): string[] {
  return description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export function stockSentence(product: Pick<Product, 'stock' | 'inStock'>): string {
  const level = stockLevel(product);
  if (level.kind === 'out') return 'Out of stock at the moment.';
  const units = product.stock === 1 ? 'unit' : 'units';
  return level.kind === 'low'
    ? `Only ${product.stock} ${units} left on the shelf.`
    : `${product.stock} ${units} on the shelf.`;
}

function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * schema.org Product data, so search engines can show price and availability: one offer per
 * variant, each with its own SKU, price, stock state and URL.
 */
export function productStructuredData(product: Product, pageUrl: string): Record<string, unknown> {
  const digits = minorUnitDigits(product.currency);
  const price = (cents: number) => (cents / 10 ** digits).toFixed(digits);
  const offers = product.variants.map((variant) => ({
    '@type': 'Offer',
    sku: variant.sku,
    name:
      orderedOptions(variant.options)
        .map(([, value]) => value)
        .join(' · ') || product.name,
    url:
      product.variants.length > 1
        ? `${pageUrl}?variant=${encodeURIComponent(variant.sku)}`
        : pageUrl,
    price: price(variant.priceCents),
    priceCurrency: product.currency,
    availability:
      stockLevel(variant).kind === 'out'
        ? 'https://schema.org/OutOfStock'
        : 'https://schema.org/InStock',
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.summary,
    sku: product.sku,
    image: product.images.length > 0 ? product.images.map((image) => image.url) : product.imageUrl,
    brand: { '@type': 'Brand', name: product.brand },
    category:
      product.categoryPath.map((category) => category.name).join(' > ') || product.category.name,
    offers: offers.length === 1 ? offers[0] : offers,
  };
}
