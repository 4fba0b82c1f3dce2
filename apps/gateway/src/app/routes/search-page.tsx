import { SEARCH_QUERY_MIN } from '@makrx/contracts/search-kinds';
import { useDocumentTitle, useFlag } from '@makrx/spa-kit';
import { Container, EmptyState, SearchIcon } from '@makrx/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { useUnifiedSearch } from '../../features/search/api';
import { countLabel } from '../../features/search/components/result-count';
import { SearchPageForm } from '../../features/search/components/search-page-form';
import { SearchResultGroup } from '../../features/search/components/search-result-group';
import { kindOrder, kindPresentation } from '../../features/search/kinds';

const suggestions = ['PETG filament', 'laser cutting', 'robotics', 'Bengaluru', 'prosthetic hand'];

function Suggestions() {
  return (
    <ul className="mt-2 flex flex-wrap justify-center gap-2" aria-label="Try searching for">
      {suggestions.map((text) => (
        <li key={text}>
          <Link
            to={`/search?q=${encodeURIComponent(text)}`}
            className="inline-flex h-8 items-center rounded-full bg-white px-3 text-sm font-medium text-ink-800 ring-1 ring-ink-200 hover:bg-ink-50 hover:ring-ink-300"
          >
            {text}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Results({ q }: { q: string }) {
  const groups = useUnifiedSearch(q);
  const ordered = kindOrder.map((kind) => groups[kind]);
  const settled = ordered.every((group) => !group.query.isPending);
  const total = ordered.reduce((sum, group) => sum + group.results.length, 0);
  const anyFailed = ordered.some((group) => group.query.isError);
  const nothingFound = settled && total === 0 && !anyFailed;

  return (
    <>
      <p role="status" className="mt-8 text-sm text-ink-600">
        {settled
          ? `${total} ${total === 1 ? 'result' : 'results'} for “${q}”${anyFailed ? ', some services did not answer' : ''}`
          : `Searching for “${q}”…`}
      </p>
      <nav aria-label="Result groups" hidden={nothingFound} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {ordered.map((group) => {
            const { label, anchor } = kindPresentation[group.kind];
            return (
              <li key={group.kind}>
                <a
                  href={`#${anchor}`}
                  className="inline-flex h-9 items-center gap-2 rounded-lg bg-white px-3 text-sm font-medium text-ink-800 ring-1 ring-ink-200 hover:bg-ink-50 hover:ring-ink-300"
                >
                  {label}
                  <span className="rounded-full bg-ink-100 px-2 text-xs text-ink-700 tabular-nums">
                    {countLabel(group)}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {nothingFound ? (
        <EmptyState
          className="mt-8"
          icon={<SearchIcon />}
          title={`Nothing matches “${q}”`}
          description="Try fewer words, another spelling, or something more general — a material, a machine, a city."
          action={<Suggestions />}
        />
      ) : (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          {ordered.map((group) => (
            <SearchResultGroup key={group.kind} group={group} q={q} />
          ))}
        </div>
      )}
    </>
  );
}

/** Results grouped by kind from the three services (issue "Unified search"). */
export function SearchPage() {
  const [searchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const searchOn = useFlag('ENABLE_UNIFIED_SEARCH', true);
  useDocumentTitle(q ? `Search: ${q}` : 'Search');

  return (
    <div className="bg-ink-50/60">
      <Container className="py-12 sm:py-16">
        <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Search</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight wrap-anywhere text-ink-950 sm:text-4xl">
          {q ? `Results for “${q}”` : 'Search MakrX'}
        </h1>
        <p className="mt-3 max-w-2xl text-base leading-7 text-ink-600">
          Products in the store, makerspaces and projects in MakrCave, and makers on MakrX.org — in
          one search.
        </p>
        {!searchOn ? (
          <EmptyState
            className="mt-8"
            icon={<SearchIcon />}
            title="Search is turned off for now"
            description="It will be back soon. Until then, browse the makers directory, the makerspaces in MakrCave or the store’s catalog."
          />
        ) : (
          <>
            <div className="mt-8">
              <SearchPageForm q={q} />
            </div>
            {q.length >= SEARCH_QUERY_MIN ? (
              <Results q={q} />
            ) : (
              <EmptyState
                className="mt-10"
                icon={<SearchIcon />}
                title={q ? 'Type at least two characters' : 'What are you looking for?'}
                description="Search by name, material, machine, skill or city. Here are a few to start with:"
                action={<Suggestions />}
              />
            )}
          </>
        )}
      </Container>
    </div>
  );
}
