import { buttonClasses, ChevronRightIcon } from '@makrx/ui';
import type { ProductSort } from '@makrx/contracts';
import { SortSelect } from './sort-select';

export function SortForm({ category, sort }: { category: string | undefined; sort: ProductSort }) {
  return (
    <form method="get" action="/" className="flex items-center gap-2.5">
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <label htmlFor="catalog-sort" className="text-sm whitespace-nowrap text-ink-600">
        Sort by
      </label>
      <div className="relative">
        <SortSelect id="catalog-sort" value={sort} />
        <ChevronRightIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 rotate-90 text-ink-500" />
      </div>
      <noscript>
        <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'md' })}>
          Apply
        </button>
      </noscript>
    </form>
  );
}
