import Link from 'next/link';
import { Button, buttonClasses, cx, formatPrice } from '@makrx/ui';
import type { ProductSummary } from '@makrx/contracts';
import { addToCart } from '../../cart/actions';
import { productHref } from '../catalog-query';
import { StockIndicator } from './stock-indicator';

export interface ProductCardProps {
  /** With `onlyVariantId` (search results), the card can cart it. */
  product: ProductSummary & { onlyVariantId?: string | null };
  /** Images above the fold load eagerly; the rest wait until they scroll near. */
  priority?: boolean;
  /** Off on a category's own page, where every card would carry the same label. */
  showCategory?: boolean;
  /**
   * Where an add to cart that was refused comes back to; given, the card adds a product with
   * one variant to the cart itself, and leads to the page of one with a choice to make.
   */
  cartReturnTo?: string;
}

export function ProductCard({
  product,
  priority = false,
  showCategory = true,
  cartReturnTo,
}: ProductCardProps) {
  const soldOut = !product.inStock || product.stock <= 0;
  return (
    <article className="group relative flex h-full flex-col">
      <div className="relative aspect-square overflow-hidden rounded-2xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset">
        {/* The name link below carries the product's name; the picture beside it is decoration. */}
        <img
          src={product.imageUrl}
          alt=""
          width={800}
          height={800}
          loading={priority ? 'eager' : 'lazy'}
          decoding="async"
          className={cx(
            'size-full object-cover transition duration-500 ease-out group-hover:scale-[1.04] motion-reduce:transition-none motion-reduce:group-hover:scale-100',
            soldOut && 'opacity-60 grayscale-[35%]',
          )}
        />
        {showCategory ? (
          <span className="absolute top-3 left-3 rounded-full bg-white/90 px-2.5 py-1 text-[11px] font-semibold text-ink-700 shadow-sm ring-1 ring-ink-900/5 backdrop-blur">
            {product.category.name}
          </span>
        ) : null}
      </div>
      <div className="mt-3.5 flex flex-1 flex-col px-0.5">
        <p className="text-xs font-semibold tracking-wide text-ink-500 uppercase">
          {product.brand}
        </p>
        <h3 className="mt-1 text-sm leading-snug font-semibold text-ink-900 sm:text-[15px]">
          <Link
            href={productHref(product.slug)}
            className="decoration-accent-600 decoration-2 underline-offset-4 group-hover:underline after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-accent-600 focus-visible:after:ring-offset-4"
          >
            {product.name}
          </Link>
        </h3>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-1 pt-3">
          <p className="text-base font-bold text-ink-950 tabular-nums">
            {formatPrice(product.priceCents, product.currency)}
          </p>
          <StockIndicator product={product} />
        </div>
        {cartReturnTo && !soldOut ? (
          // Above the name link's card-wide click area.
          <div className="relative z-10 mt-3">
            {product.onlyVariantId ? (
              <form action={addToCart}>
                <input type="hidden" name="variantId" value={product.onlyVariantId} />
                <input type="hidden" name="quantity" value="1" />
                <input type="hidden" name="returnTo" value={cartReturnTo} />
                <Button
                  type="submit"
                  variant="secondary"
                  className="w-full"
                  aria-label={`Add to cart: ${product.name}`}
                >
                  Add to cart
                </Button>
              </form>
            ) : (
              <Link
                href={productHref(product.slug)}
                className={buttonClasses({ variant: 'secondary', className: 'w-full' })}
                aria-label={`Choose options: ${product.name}`}
              >
                Choose options
              </Link>
            )}
          </div>
        ) : null}
      </div>
    </article>
  );
}
