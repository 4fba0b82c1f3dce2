import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { MapPinIcon, Skeleton } from '@makrx/ui';
import { useSearchParams } from 'react-router-dom';
import { useMakerspaceDashboard } from '../../features/dashboard/api';
import {
  DashboardSkeleton,
  DashboardView,
} from '../../features/dashboard/components/dashboard-view';
import { MakerspaceFrame } from '../makerspace-frame';
import { JoinedBanner } from '../../features/invites/components/joined-banner';

/** The overview of a makerspace for the people inside it. */
export function MakerspaceOverview({
  slug,
  canBook,
  canManage,
}: {
  slug: string;
  canBook: boolean;
  canManage: boolean;
}) {
  const [params] = useSearchParams();
  const dashboard = useMakerspaceDashboard(slug);
  const name = dashboard.data?.space.name;
  useDocumentTitle(name ?? 'Makerspace');
  return (
    <MakerspaceFrame
      slug={slug}
      eyebrow={
        dashboard.data ? (
          <span className="inline-flex items-center gap-1.5">
            <MapPinIcon className="size-4" />
            {dashboard.data.space.city}, {dashboard.data.space.country}
          </span>
        ) : undefined
      }
      title={name ?? <Skeleton className="h-9 w-72 max-w-full" />}
      description={dashboard.data?.space.tagline}
    >
      {name && params.get('joined') === '1' ? <JoinedBanner name={name} /> : null}
      {dashboard.isPending ? (
        <DashboardSkeleton />
      ) : dashboard.isError ? (
        <ServiceErrorState
          error={dashboard.error}
          subject="the overview"
          onRetry={() => void dashboard.refetch()}
        />
      ) : (
        <DashboardView dashboard={dashboard.data} canBook={canBook} canManage={canManage} />
      )}
    </MakerspaceFrame>
  );
}
