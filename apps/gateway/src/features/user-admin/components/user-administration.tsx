import { pageFromSearch } from '@makrx/spa-kit';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { UserDirectory } from './user-directory';
import { UserSearchBox } from './user-search-box';

/** Search, list and change users; the search and page live in the URL (`?q=&page=`). */
export function UserAdministration({ basePath }: { basePath: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = (searchParams.get('q') ?? '').trim();
  const page = pageFromSearch(searchParams);

  // A new search starts on page one; typing replaces the history entry rather than adding one.
  const search = useCallback(
    (next: string) => setSearchParams(next ? { q: next } : {}, { replace: true }),
    [setSearchParams],
  );
  const hrefForPage = (target: number) => {
    const params = new URLSearchParams(query ? { q: query } : {});
    if (target > 1) params.set('page', String(target));
    const queryString = params.toString();
    return queryString ? `${basePath}?${queryString}` : basePath;
  };

  return (
    <div className="space-y-8">
      <UserSearchBox query={query} onSearch={search} />
      <section aria-label="Users">
        <UserDirectory
          query={query}
          page={page}
          hrefForPage={hrefForPage}
          onClearSearch={() => search('')}
        />
      </section>
    </div>
  );
}
