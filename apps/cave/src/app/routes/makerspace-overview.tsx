import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { MapPinIcon, Skeleton } from '@makrx/ui';
import { useSearchParams } from 'react-router-dom';
import { useMakerspaceDashboard } from '../../features/dashboard/api';
import {
  DashboardSkeleton,
  DashboardView,
} from '../../features/dashboard/components/dashboard-view';
import { useMakerspace } from '../../features/makerspaces/api';
import { useMyBookings } from '../../features/reservations/api';
import { splitBookings } from '../../features/reservations/presentation';
import { MakerspaceFrame } from '../makerspace-frame';
import { JoinedBanner } from '../../features/invites/components/joined-banner';

/**
 * The overview of a makerspace for the people inside it: the makerspace (which its frame reads
 * too), its dashboard from the service, and my bookings there.
 */
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
  const space = useMakerspace(slug).data;
  const dashboard = useMakerspaceDashboard(slug);
  const mine = useMyBookings();
  const name = space?.name;
  useDocumentTitle(name ?? 'Makerspace');
  const myUpcoming = mine.data
    ? splitBookings(
        mine.data.filter((booking) => booking.makerspace.slug === slug),
        new Date(),
      ).upcoming
    : undefined;
  return (
    <MakerspaceFrame
      slug={slug}
      eyebrow={
        space ? (
          <span className="inline-flex items-center gap-1.5">
            <MapPinIcon className="size-4" />
            {space.city}, {space.country}
          </span>
        ) : undefined
      }
      title={name ?? <Skeleton className="h-9 w-72 max-w-full" />}
      description={space?.tagline}
    >
      {name && params.get('joined') === '1' ? <JoinedBanner name={name} /> : null}
      {dashboard.isError ? (
        <ServiceErrorState
          error={dashboard.error}
          subject="the overview"
          onRetry={() => void dashboard.refetch()}
        />
      ) : dashboard.isPending || !space ? (
        <DashboardSkeleton />
      ) : (
        <DashboardView
          space={space}
          dashboard={dashboard.data}
          myUpcoming={myUpcoming}
          canBook={canBook}
          canManage={canManage}
        />
      )}
    </MakerspaceFrame>
  );
}
