import type { ProjectSummary } from '@makrx/contracts';
import { Card, Skeleton } from '@makrx/ui';
import type { ReactNode } from 'react';
import { ProjectCard } from './project-card';

const gridClasses = 'grid gap-5 sm:grid-cols-2 lg:grid-cols-3';

export function ProjectCardGrid<P extends ProjectSummary>({
  projects,
  badgesOf,
}: {
  projects: P[];
  badgesOf?: (project: P) => ReactNode;
}) {
  return (
    <ul className={gridClasses}>
      {projects.map((project) => (
        <li key={project.id}>
          <ProjectCard project={project} badges={badgesOf?.(project)} />
        </li>
      ))}
    </ul>
  );
}

export function ProjectCardGridSkeleton({ count }: { count: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading projects…</span>
      <div className={gridClasses}>
        {Array.from({ length: count }, (_, index) => (
          <Card key={index} className="overflow-hidden">
            <Skeleton className="h-36 rounded-none" />
            <div className="space-y-3 p-5">
              <Skeleton className="h-3 w-1/3" />
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-3 w-full" />
              <Skeleton className="h-3 w-5/6" />
              <Skeleton className="mt-4 h-4 w-1/2" />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
