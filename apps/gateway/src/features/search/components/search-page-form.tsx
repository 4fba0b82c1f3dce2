import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '@makrx/contracts/search-kinds';
import { Button, SearchIcon } from '@makrx/ui';
import { useId, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

/** The results page's own search box; a GET form like the header's, kept in the app. */
export function SearchPageForm({ q }: { q: string }) {
  const navigate = useNavigate();
  const inputId = useId();

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    navigate(`/search?q=${encodeURIComponent(next)}`);
  };

  return (
    <form
      role="search"
      aria-label="Search results"
      action="/search"
      method="get"
      onSubmit={search}
      className="flex max-w-2xl flex-col gap-3 sm:flex-row"
    >
      <label htmlFor={inputId} className="sr-only">
        Search products, makerspaces, makers and projects
      </label>
      <div className="relative flex-1">
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-4 size-5 -translate-y-1/2 text-ink-500"
        />
        <input
          // A new search in the URL (header box, back button) resets the box.
          key={q}
          id={inputId}
          type="search"
          name="q"
          required
          minLength={SEARCH_QUERY_MIN}
          maxLength={SEARCH_QUERY_MAX}
          defaultValue={q}
          autoComplete="off"
          enterKeyHint="search"
          placeholder="Filament, laser cutting, Bengaluru…"
          className="h-12 w-full rounded-xl border-0 bg-white pr-4 pl-12 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-500 focus:ring-2 focus:ring-accent-600 focus:outline-none"
        />
      </div>
      <Button type="submit" size="lg">
        Search
      </Button>
    </form>
  );
}
