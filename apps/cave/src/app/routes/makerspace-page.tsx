import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  BuildingIcon,
  buttonClasses,
  CheckIcon,
  Container,
  EmptyState,
  Skeleton,
} from '@makrx/ui';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMakerspace } from '../../features/makerspaces/api';
import { AnalyticsLink } from '../../features/analytics/components/analytics-link';
import { ManageFeaturesLink } from '../../features/makerspace-features/components/manage-features-link';
import { MakerspaceDetailView } from '../../features/makerspaces/components/makerspace-detail-view';

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

/** Shown once an invite has made the visitor a member (the invite page lands here). */
function JoinedBanner({ name }: { name: string }) {
  return (
    <p
      role="status"
      className="mb-6 flex items-center gap-3 rounded-2xl border border-cave-200 bg-cave-50 px-5 py-4 text-cave-900"
    >
      <CheckIcon className="size-5 shrink-0 text-cave-700" aria-hidden />
      <span>
        <strong className="font-semibold">Welcome to {name}.</strong> You are a member now; the
        makerspace is among yours in MakrCave.
      </span>
    </p>
  );
}

export function MakerspacePage() {
  const { slug = '' } = useParams();
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
        {makerspace.data ? (
          <div className="flex flex-wrap gap-2">
            <AnalyticsLink slug={makerspace.data.slug} />
            <ManageFeaturesLink slug={makerspace.data.slug} />
          </div>
        ) : null}
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
