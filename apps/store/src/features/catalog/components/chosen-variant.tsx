'use client';

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Product, ProductVariant } from '@makrx/contracts';
import { productPageTitle, variantBySku, variantHref } from '../variant-selection';

interface ChosenVariant {
  product: Product;
  selected: ProductVariant;
  /** Shows another variant in place: its title, picture, price and stock, and its URL. */
  choose: (sku: string) => void;
}

const ChosenVariantContext = createContext<ChosenVariant | null>(null);

/**
 * The variant a product page shows, shared by its gallery, its overview and its phone bar.
 * The server renders the one in `?variant=`; with JavaScript a pick changes it without a
 * reload, and the address keeps pointing at it.
 */
export function ChosenVariantProvider({
  product,
  initialSku,
  children,
}: {
  product: Product;
  initialSku: string;
  children: ReactNode;
}) {
  const [sku, setSku] = useState(initialSku);
  const selected = variantBySku(product.variants, sku) ?? product.variants[0]!;
  const choose = useCallback(
    (next: string) => {
      const variant = variantBySku(product.variants, next);
      if (!variant) return;
      setSku(variant.sku);
      window.history.replaceState(null, '', variantHref(product.slug, variant.sku));
      document.title = `${productPageTitle(product, variant)} · MakrX.Store`;
    },
    [product],
  );
  return (
    <ChosenVariantContext value={{ product, selected, choose }}>{children}</ChosenVariantContext>
  );
}

export function useChosenVariant(): ChosenVariant {
  const chosen = useContext(ChosenVariantContext);
  if (!chosen) throw new Error('useChosenVariant needs a ChosenVariantProvider around it');
  return chosen;
}
