import { cx } from '@makrx/ui';
import type { ProductSummary } from '@makrx/contracts';
import { ProductCard } from './product-card';

/** On a phone two cards share a row, so the first four are in view at once. */
const eagerImages = 4;

const columnClasses = { 3: 'md:grid-cols-3', 4: 'md:grid-cols-4' } as const;

export interface ProductGridProps {
  products: (ProductSummary & { onlyVariantId?: string | null })[];
  columns?: keyof typeof columnClasses;
  showCategory?: boolean;
  /** Given, each card has its own Add to cart (see `ProductCard`). */
  cartReturnTo?: string;
}

export function ProductGrid({
  products,
  columns = 3,
  showCategory = true,
  cartReturnTo,
}: ProductGridProps) {
  return (
    <ul className={cx('grid grid-cols-2 gap-x-4 gap-y-9 sm:gap-x-6', columnClasses[columns])}>
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            priority={index < eagerImages}
            showCategory={showCategory}
            cartReturnTo={cartReturnTo}
          />
        </li>
      ))}
    </ul>
  );
}
