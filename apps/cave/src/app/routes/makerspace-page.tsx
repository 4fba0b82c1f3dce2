import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  BuildingIcon,
  buttonClasses,
  Container,
  EmptyState,
  Skeleton,
} from '@makrx/ui';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMakerspaceAccess } from '../../features/memberships/api';
import { useMakerspace } from '../../features/makerspaces/api';
import { JoinedBanner } from '../../features/invites/components/joined-banner';
import { MakerspaceDetailView } from '../../features/makerspaces/components/makerspace-detail-view';

// The overview is for the people inside; visitors' first page does without its code.
const MakerspaceOverview = lazy(() =>
  import('./makerspace-overview').then((module) => ({ default: module.MakerspaceOverview })),
);

function OverviewLoading() {
  return (
    <Container className="py-8 sm:py-12">
      <DashboardSkeletonLite />
    </Container>
  );
}

function DashboardSkeletonLite() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading the overview…</span>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="mt-3 h-9 w-80 max-w-full" />
      <Skeleton className="mt-10 h-64 rounded-2xl" />
    </div>
  );
}

function MakerspaceSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading makerspace…</span>
      <Skeleton className="h-44 rounded-3xl sm:h-64" />
      <Skeleton className="mt-8 h-4 w-40" />
      <Skeleton className="mt-3 h-9 w-80 max-w-full" />
      <Skeleton className="mt-4 h-5 w-full max-w-xl" />
      <div className="mt-8 grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-28 rounded-2xl" />
        ))}
      </div>
      <Skeleton className="mt-12 h-64 rounded-2xl" />
    </div>
  );
}

function MakerspaceNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      icon={<BuildingIcon />}
      title="We couldn’t find that makerspace"
      description="It may have moved to a new address on MakrCave or closed its listing."
      action={
        <Link to="/" className={buttonClasses()}>
          Browse makerspaces
        </Link>
      }
    />
  );
}

/**
 * A makerspace: its overview for the people who belong there (and MakrCave's admins), its
 * public page for everyone else.
 */
export function MakerspacePage() {
  const { slug = '' } = useParams();
  const access = useMakerspaceAccess(slug);
  // Until a signed-in person's roles are known, neither page is the right one to flash.
  if (access.status === 'loading') return <OverviewLoading />;
  if (access.status === 'known' && access.isInside)
    return (
      <Suspense fallback={<OverviewLoading />}>
        <MakerspaceOverview slug={slug} canBook={access.book} canManage={access.manageEquipment} />
      </Suspense>
    );
  return <PublicMakerspacePage slug={slug} />;
}

function PublicMakerspacePage({ slug }: { slug: string }) {
  const [params] = useSearchParams();
  const makerspace = useMakerspace(slug);
  const isNotFound = makerspace.error instanceof ApiError && makerspace.error.isNotFound;
  useDocumentTitle(
    makerspace.data?.name ??
      (isNotFound ? 'Makerspace not found' : makerspace.isError ? 'Error' : 'Makerspace'),
  );

  return (
    <Container className="py-8 sm:py-12">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <Link
          to="/"
          className="inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
        >
          <ArrowLeftIcon className="size-4" />
          All makerspaces
        </Link>
      </div>
      {makerspace.data && params.get('joined') === '1' ? (
        <JoinedBanner name={makerspace.data.name} />
      ) : null}
      {makerspace.isPending ? (
        <MakerspaceSkeleton />
      ) : isNotFound ? (
        <MakerspaceNotFound />
      ) : makerspace.isError ? (
        <ServiceErrorState
          titleAs="h1"
          error={makerspace.error}
          subject="this makerspace"
          onRetry={() => void makerspace.refetch()}
        />
      ) : (
        <MakerspaceDetailView space={makerspace.data} />
      )}
    </Container>
  );
}
