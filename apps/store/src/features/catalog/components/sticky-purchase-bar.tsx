'use client';

import { Button, formatPrice } from '@makrx/ui';
import { addToCartFormId } from '../../cart/components/add-to-cart-form';
import { variantLabel } from '../variant-selection';
import { useChosenVariant } from './chosen-variant';

/**
 * On phones the price and "Add to cart" stay at the bottom of the screen while the shopper
 * reads on. It sticks within the product page and comes to rest at its end, so it never
 * covers the footer; its button submits the page's add-to-cart form, with or without
 * JavaScript.
 */
export function StickyPurchaseBar() {
  const { product, selected } = useChosenVariant();
  return (
    <section
      aria-label={`Buy ${product.name}`}
      className="sticky bottom-0 z-30 -mx-4 mt-10 border-t border-ink-200 bg-white/95 px-4 py-3 shadow-[0_-4px_16px_rgb(2_6_23/0.06)] backdrop-blur sm:hidden"
      data-sticky-purchase
    >
      <div className="flex items-center justify-between gap-4">
        <div className="min-w-0">
          <p className="text-lg font-bold text-ink-950 tabular-nums">
            {formatPrice(selected.priceCents, product.currency)}
          </p>
          {product.variants.length > 1 ? (
            <p className="truncate text-sm text-ink-600">{variantLabel(selected)}</p>
          ) : null}
        </div>
        <Button type="submit" form={addToCartFormId} size="lg" disabled={!selected.inStock}>
          {selected.inStock ? 'Add to cart' : 'Out of stock'}
        </Button>
      </div>
    </section>
  );
}
