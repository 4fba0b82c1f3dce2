import type { ProductSummary } from '@makrx/contracts';
import { Badge, formatPrice } from '@makrx/ui';

export interface ProductCardProps {
  product: ProductSummary;
  imageSrc: string;
  href: string;
}

export function ProductCard({ product, imageSrc, href }: ProductCardProps) {
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-ink-200 bg-white shadow-card transition duration-200 focus-within:shadow-lift hover:-translate-y-0.5 hover:shadow-lift motion-reduce:transition-none motion-reduce:hover:translate-y-0">
      <div className="aspect-[4/3] overflow-hidden bg-ink-50">
        <img
          src={imageSrc}
          alt=""
          width={400}
          height={300}
          loading="lazy"
          className="size-full object-cover transition duration-300 group-hover:scale-[1.03] motion-reduce:transition-none"
        />
      </div>
      <div className="flex flex-1 flex-col p-4">
        <p className="text-xs font-medium tracking-wide text-accent-700 uppercase">
          {product.category.name}
        </p>
        <h3 className="mt-1 text-sm leading-5 font-semibold text-ink-950">
          <a
            href={href}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {product.name}
          </a>
        </h3>
        <p className="mt-1 text-xs text-ink-600">{product.brand}</p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-4">
          <p className="text-base font-semibold text-ink-950 tabular-nums">
            {formatPrice(product.priceCents, product.currency)}
          </p>
          {product.inStock ? (
            <Badge tone="success" dot>
              In stock
            </Badge>
          ) : (
            <Badge tone="neutral">Out of stock</Badge>
          )}
        </div>
      </div>
    </article>
  );
}
