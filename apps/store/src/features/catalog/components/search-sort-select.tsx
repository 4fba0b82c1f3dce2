'use client';

import type { ProductSearchSort } from '@makrx/contracts';
import { searchSortOptions } from '../search-query';

/** Submits its form on change; without JavaScript the form's own button does it. */
export function SearchSortSelect({ id, value }: { id: string; value: ProductSearchSort }) {
  return (
    <select
      id={id}
      name="sort"
      defaultValue={value}
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
      className="h-10 w-full appearance-none rounded-lg border-0 bg-white py-0 pr-9 pl-3 text-sm font-medium text-ink-900 shadow-sm ring-1 ring-ink-300 ring-inset hover:ring-ink-400"
    >
      {searchSortOptions.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
