import { cx } from './class-names';
import { SearchIcon } from './icons';

export interface HeaderSearchProps {
  /** The gateway's origin: every app's search box lands on its results page. */
  gatewayUrl: string;
  /** The search already made, shown in the box. */
  defaultQuery?: string;
  className?: string;
}

/**
 * The search box of the shared header: a plain GET form to the gateway's `/search?q=`, so it
 * works from every app, without JavaScript, and costs the first page next to nothing.
 */
export function HeaderSearch({ gatewayUrl, defaultQuery, className }: HeaderSearchProps) {
  return (
    <form
      role="search"
      aria-label="MakrX"
      action={`${gatewayUrl}/search`}
      method="get"
      className={cx('relative', className)}
    >
      <label className="block">
        <span className="sr-only">Search products, makerspaces, makers and projects</span>
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-500"
        />
        <input
          type="search"
          name="q"
          required
          minLength={2}
          maxLength={100}
          defaultValue={defaultQuery}
          placeholder="Search MakrX"
          autoComplete="off"
          enterKeyHint="search"
          className="h-10 w-full rounded-lg border-0 bg-ink-50 pr-3 pl-9 text-base text-ink-950 ring-1 ring-ink-200 ring-inset placeholder:text-ink-500 focus:bg-white focus:ring-2 focus:ring-accent-600 focus:outline-none sm:text-sm"
        />
      </label>
      <button type="submit" className="sr-only">
        Search
      </button>
    </form>
  );
}
