import { cx } from './class-names';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

type PageSlot = number | 'gap';

/** Pages to show: the first, the last, and the current one with its neighbours. */
export function pageSlots(page: number, totalPages: number): PageSlot[] {
  const wanted = new Set([1, totalPages, page - 1, page, page + 1]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  pages.forEach((n, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && n - previous === 2) slots.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) slots.push('gap');
    slots.push(n);
  });
  return slots;
}

export interface PaginationProps {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  label?: string;
  className?: string;
}

const stepClasses =
  'inline-flex h-10 items-center gap-1 rounded-lg px-3 text-sm font-medium text-ink-700 ring-1 ring-inset ring-ink-200 bg-white transition-colors hover:bg-ink-50 hover:text-ink-900';
const disabledStepClasses =
  'inline-flex h-10 items-center gap-1 rounded-lg px-3 text-sm font-medium text-ink-500 ring-1 ring-inset ring-ink-100 bg-white cursor-not-allowed';

export function Pagination({
  page,
  totalPages,
  hrefFor,
  label = 'Pagination',
  className,
}: PaginationProps) {
  if (totalPages <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < totalPages;

  return (
    <nav aria-label={label} className={cx('flex items-center justify-between gap-3', className)}>
      {hasPrevious ? (
        <a href={hrefFor(page - 1)} rel="prev" className={stepClasses}>
          <ChevronLeftIcon className="size-4" />
          Previous
        </a>
      ) : (
        <span aria-disabled="true" className={disabledStepClasses}>
          <ChevronLeftIcon className="size-4" />
          Previous
        </span>
      )}

      <p className="text-sm text-ink-600 sm:hidden">
        Page {page} of {totalPages}
      </p>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageSlots(page, totalPages).map((slot, index) =>
          slot === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-2 text-ink-500">
              …
            </li>
          ) : (
            <li key={slot}>
              <a
                href={hrefFor(slot)}
                aria-current={slot === page ? 'page' : undefined}
                aria-label={`Page ${slot}`}
                className={cx(
                  'inline-grid h-10 min-w-10 place-items-center rounded-lg px-2 text-sm font-medium tabular-nums transition-colors',
                  slot === page
                    ? 'bg-accent-600 text-white shadow-sm'
                    : 'text-ink-700 hover:bg-ink-100 hover:text-ink-900',
                )}
              >
                {slot}
              </a>
            </li>
          ),
        )}
      </ul>

      {hasNext ? (
        <a href={hrefFor(page + 1)} rel="next" className={stepClasses}>
          Next
          <ChevronRightIcon className="size-4" />
        </a>
      ) : (
        <span aria-disabled="true" className={disabledStepClasses}>
          Next
          <ChevronRightIcon className="size-4" />
        </span>
      )}
    </nav>
  );
}
