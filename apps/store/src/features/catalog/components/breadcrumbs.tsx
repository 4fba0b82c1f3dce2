import Link from 'next/link';
import { ChevronRightIcon } from '@makrx/ui';

export interface Crumb {
  label: string;
  /** Absent on the last crumb: the page the shopper is on. */
  href?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-ink-600">
        {crumbs.map((crumb, index) => (
          <li key={`${crumb.label}-${index}`} className="flex min-w-0 items-center gap-1.5">
            {index > 0 ? (
              <ChevronRightIcon aria-hidden="true" className="size-3.5 shrink-0 text-ink-400" />
            ) : null}
            {crumb.href ? (
              <Link
                href={crumb.href}
                className="rounded hover:text-ink-950 hover:underline hover:underline-offset-4"
              >
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="truncate font-medium text-ink-900">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
