import { ServiceErrorState } from '@makrx/spa-kit';
import { EmptyState, UsersIcon } from '@makrx/ui';
import { FEATURED_MAKER_COUNT, useFeaturedMakers } from '../api';
import { MakerCardGrid, MakerCardGridSkeleton } from './maker-card-grid';

export function FeaturedMakers() {
  const featured = useFeaturedMakers();

  if (featured.isPending) return <MakerCardGridSkeleton count={FEATURED_MAKER_COUNT} />;
  if (featured.isError) {
    return (
      <ServiceErrorState
        error={featured.error}
        subject="featured makers"
        titleAs="h3"
        onRetry={() => void featured.refetch()}
      />
    );
  }
  if (featured.data.items.length === 0) {
    return (
      <EmptyState
        icon={<UsersIcon />}
        titleAs="h3"
        title="No featured makers yet"
        description="Makers we spotlight for their builds will show up here. Check back soon."
      />
    );
  }
  return <MakerCardGrid makers={featured.data.items} />;
}
