import type { MakerspaceSummary } from '@makrx/contracts';
import { Card, Skeleton } from '@makrx/ui';
import { MakerspaceCard } from './makerspace-card';

const gridClasses = 'grid gap-5 sm:grid-cols-2 lg:grid-cols-3';

export function MakerspaceCardGrid({ spaces }: { spaces: MakerspaceSummary[] }) {
  return (
    <ul className={gridClasses}>
      {spaces.map((space) => (
        <li key={space.id}>
          <MakerspaceCard space={space} />
        </li>
      ))}
    </ul>
  );
}

export function MakerspaceCardGridSkeleton({ count }: { count: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading makerspaces…</span>
      <div className={gridClasses}>
        {Array.from({ length: count }, (_, index) => (
          <Card key={index} className="overflow-hidden">
            <Skeleton className="h-36 rounded-none" />
            <div className="space-y-3 p-5">
              <Skeleton className="h-3 w-1/3" />
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-3 w-full" />
              <div className="flex gap-2 pt-1">
                <Skeleton shape="round" className="h-5 w-20" />
                <Skeleton shape="round" className="h-5 w-24" />
              </div>
              <Skeleton className="mt-4 h-4 w-1/2" />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
