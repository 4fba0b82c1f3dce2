import { pageFromSearch, ServiceErrorState, useDocumentTitle, useSession } from '@makrx/spa-kit';
import { BuildingIcon, buttonClasses, Container, cx, EmptyState, Pagination } from '@makrx/ui';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  MAKERSPACES_PAGE_SIZE,
  useMakerspaceCities,
  useMakerspaceDirectory,
} from '../../features/makerspaces/api';
import { CityFilter } from '../../features/makerspaces/components/city-filter';
import {
  MakerspaceCardGrid,
  MakerspaceCardGridSkeleton,
} from '../../features/makerspaces/components/makerspace-card-grid';

function directoryHref({ city, page }: { city?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (city) params.set('city', city);
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function MakerspaceResults({ page, city }: { page: number; city?: string }) {
  const directory = useMakerspaceDirectory({ page, city });

  if (directory.isPending) return <MakerspaceCardGridSkeleton count={MAKERSPACES_PAGE_SIZE} />;
  if (directory.isError) {
    return (
      <ServiceErrorState
        error={directory.error}
        subject="makerspaces"
        onRetry={() => void directory.refetch()}
      />
    );
  }
  const { items, total, totalPages } = directory.data;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<BuildingIcon />}
        title={
          city
            ? `No makerspaces in ${city} yet`
            : page > 1
              ? 'No makerspaces on this page'
              : 'No makerspaces listed yet'
        }
        description={
          city
            ? 'Try another city, or browse every makerspace on MakrCave.'
            : 'Makerspaces appear here as soon as they open their doors on MakrCave.'
        }
        action={
          city || page > 1 ? (
            <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
              Show all makerspaces
            </Link>
          ) : undefined
        }
      />
    );
  }
  return (
    <div className={cx('transition-opacity', directory.isPlaceholderData && 'opacity-60')}>
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        <span className="font-semibold text-ink-900">{total}</span>{' '}
        {total === 1 ? 'makerspace' : 'makerspaces'}
        {city ? ` in ${city}` : ' on MakrCave'}
      </p>
      <MakerspaceCardGrid spaces={items} />
      <Pagination
        className="mt-12"
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => directoryHref({ city, page: target })}
        label="Makerspace pages"
      />
    </div>
  );
}

// Guests never need it: the signed-in part of the home has a chunk of its own.
const SignedInHome = lazy(() =>
  import('../../features/memberships/components/signed-in-home').then((module) => ({
    default: module.SignedInHome,
  })),
);

export function DirectoryPage() {
  const [searchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  const city = searchParams.get('city')?.trim() || undefined;
  const cities = useMakerspaceCities();
  const { user } = useSession();
  useDocumentTitle(city ? `Makerspaces in ${city}` : undefined);

  return (
    <>
      <section className="border-b border-ink-200 bg-gradient-to-b from-accent-50 to-white">
        <Container className="py-12 sm:py-16">
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
            Makerspace directory
          </p>
          <h1 className="mt-2 text-4xl font-bold tracking-tight text-ink-950 sm:text-5xl">
            Find a makerspace
          </h1>
          <p className="mt-4 max-w-2xl text-lg leading-8 text-ink-600">
            Community workshops with 3D printers, laser cutters, CNC routers and electronics
            benches. See what’s free right now and book machine time by the hour.
          </p>
          {cities.data && cities.data.length > 0 ? (
            <div className="mt-8">
              <CityFilter
                cities={cities.data}
                selected={city}
                hrefFor={(target) => directoryHref({ city: target })}
              />
            </div>
          ) : null}
        </Container>
      </section>
      <Container className="py-10 sm:py-12">
        {user ? (
          <Suspense fallback={null}>
            <SignedInHome user={user} />
          </Suspense>
        ) : null}
        <MakerspaceResults page={page} city={city} />
      </Container>
    </>
  );
}
