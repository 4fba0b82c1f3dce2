import { cx } from '@makrx/ui';
import type { ProductSummary } from '@makrx/contracts';
import { stockLevel, type StockLevel } from '../stock-level';

const levelClasses: Record<StockLevel['kind'], { dot: string; text: string }> = {
  'in-stock': { dot: 'bg-emerald-500', text: 'text-emerald-700' },
  low: { dot: 'bg-amber-500', text: 'text-amber-700' },
  out: { dot: 'bg-ink-400', text: 'text-ink-500' },
};

export interface StockIndicatorProps {
  product: Pick<ProductSummary, 'stock' | 'inStock'>;
  size?: 'sm' | 'md';
  className?: string;
}

export function StockIndicator({ product, size = 'sm', className }: StockIndicatorProps) {
  const level = stockLevel(product);
  const classes = levelClasses[level.kind];
  return (
    <p
      className={cx(
        'inline-flex items-center gap-1.5 font-medium whitespace-nowrap',
        size === 'sm' ? 'text-xs' : 'text-sm',
        classes.text,
        className,
      )}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {level.kind === 'low' ? (
          <span className="absolute inset-0 rounded-full bg-amber-400 opacity-60 motion-safe:animate-ping" />
        ) : null}
        <span className={cx('relative size-2 rounded-full', classes.dot)} />
      </span>
      {level.label}
    </p>
  );
}
