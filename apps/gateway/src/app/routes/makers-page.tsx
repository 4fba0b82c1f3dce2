import { pageFromSearch, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import {
  buttonClasses,
  Container,
  EmptyState,
  Pagination,
  SearchIcon,
  SectionHeader,
  UsersIcon,
} from '@makrx/ui';
import { Link, useSearchParams } from 'react-router-dom';
import {
  MAKERS_PAGE_SIZE,
  useMakerDirectory,
  type DirectoryFilter,
} from '../../features/makers/api';
import { DirectoryFilters } from '../../features/makers/components/directory-filters';
import {
  MakerCardGrid,
  MakerCardGridSkeleton,
} from '../../features/makers/components/maker-card-grid';

/** The directory's address for a page and filter, as its links and the filters write it. */
function directoryHref(page: number, filter: DirectoryFilter): string {
  const params = new URLSearchParams();
  if (filter.skill) params.set('skill', filter.skill);
  if (filter.city) params.set('city', filter.city);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/makers?${query}` : '/makers';
}

function MakerDirectory({
  page,
  filter,
  onFilter,
}: {
  page: number;
  filter: DirectoryFilter;
  onFilter: (filter: DirectoryFilter) => void;
}) {
  const directory = useMakerDirectory(page, filter);
  const filtered = Boolean(filter.skill || filter.city);

  const filters = (
    <div className="mb-8">
      <DirectoryFilters filter={filter} facets={directory.data?.facets} onChange={onFilter} />
    </div>
  );
  if (directory.isPending)
    return (
      <>
        {filters}
        <MakerCardGridSkeleton count={MAKERS_PAGE_SIZE / 2} />
      </>
    );
  if (directory.isError) {
    return (
      <ServiceErrorState
        error={directory.error}
        subject="the maker directory"
        onRetry={() => void directory.refetch()}
      />
    );
  }
  const { items, total, totalPages } = directory.data;
  if (items.length === 0) {
    return (
      <>
        {filters}
        {filtered && page === 1 ? (
          <EmptyState
            icon={<SearchIcon />}
            title="No makers match these filters"
            description={`Nobody with a public profile lists ${[
              filter.skill && `“${filter.skill}”`,
              filter.city && `a home in ${filter.city}`,
            ]
              .filter(Boolean)
              .join(' and ')} yet. Try another skill or city.`}
            action={
              <Link to="/makers" className={buttonClasses({ variant: 'secondary' })}>
                Show all makers
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={<UsersIcon />}
            title={page > 1 ? 'No makers on this page' : 'No makers yet'}
            description={
              page > 1
                ? 'This page is past the end of the directory.'
                : 'Maker profiles will appear here as people join MakrX.'
            }
          />
        )}
      </>
    );
  }
  return (
    <>
      {filters}
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        <span>
          {total} {total === 1 ? 'maker' : 'makers'}
        </span>
        <span className="text-ink-500"> · most active first</span>
      </p>
      <MakerCardGrid makers={items} titleAs="h2" />
      <Pagination
        className="mt-12"
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => directoryHref(target, filter)}
        label="Maker directory pages"
      />
    </>
  );
}

export function MakersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  const filter: DirectoryFilter = {
    skill: searchParams.get('skill')?.trim() || undefined,
    city: searchParams.get('city')?.trim() || undefined,
  };
  useDocumentTitle('Makers');

  return (
    <Container className="py-12 sm:py-16">
      <SectionHeader
        titleAs="h1"
        eyebrow="Community"
        title="Makers on MakrX"
        description="People who design, print, cut, solder and sew — and share how they did it."
      />
      <div className="mt-10">
        <MakerDirectory
          page={page}
          filter={filter}
          onFilter={(next) =>
            setSearchParams(new URL(directoryHref(1, next), 'http://x').searchParams)
          }
        />
      </div>
    </Container>
  );
}
