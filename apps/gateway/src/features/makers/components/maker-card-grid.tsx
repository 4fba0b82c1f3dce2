import type { MakerProfile } from '@makrx/contracts';
import { Card, Skeleton } from '@makrx/ui';
import { MakerCard } from './maker-card';

const gridClasses = 'grid gap-5 sm:grid-cols-2 lg:grid-cols-3';

export interface MakerCardGridProps {
  makers: MakerProfile[];
  /** The level of each card's heading, one below the heading of the section around the grid. */
  titleAs?: 'h2' | 'h3';
}

export function MakerCardGrid({ makers, titleAs }: MakerCardGridProps) {
  return (
    <ul className={gridClasses}>
      {makers.map((maker) => (
        <li key={maker.handle}>
          <MakerCard maker={maker} titleAs={titleAs} />
        </li>
      ))}
    </ul>
  );
}

export function MakerCardGridSkeleton({ count }: { count: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading makers…</span>
      <div className={gridClasses}>
        {Array.from({ length: count }, (_, index) => (
          <Card key={index} className="p-6">
            <div className="flex items-start gap-4">
              <Skeleton shape="round" className="size-12" />
              <div className="flex-1 space-y-2 pt-1">
                <Skeleton className="h-4 w-2/3" />
                <Skeleton className="h-3 w-full" />
              </div>
            </div>
            <Skeleton className="mt-5 h-3 w-full" />
            <Skeleton className="mt-2 h-3 w-4/5" />
            <Skeleton className="mt-6 h-3 w-1/3" />
            <div className="mt-3 flex gap-2">
              <Skeleton shape="round" className="h-5 w-20" />
              <Skeleton shape="round" className="h-5 w-16" />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
