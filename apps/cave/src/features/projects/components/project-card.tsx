import type { ProjectSummary } from '@makrx/contracts';
import { Badge, BuildingIcon, Card } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatProjectDate } from '../api';
import { projectPaths } from '../paths';
import { ProjectCover, ProjectStatusBadge } from './project-detail-view';

const SHOWN_TAGS = 3;

export function ProjectCard({
  project,
  badges,
}: {
  project: ProjectSummary;
  /** More to say above the title (my role, that it is private). */
  badges?: ReactNode;
}) {
  const shownTags = project.tags.slice(0, SHOWN_TAGS);
  return (
    <Card interactive className="flex h-full flex-col overflow-hidden">
      <ProjectCover project={project} className="h-36" />
      <div className="flex flex-1 flex-col p-5">
        <div className="mb-2 flex flex-wrap gap-1.5">
          <ProjectStatusBadge status={project.status} />
          {badges}
        </div>
        <p className="text-sm text-ink-600">
          by <span className="font-medium text-ink-800">{project.owner.displayName}</span>
        </p>
        <h2 className="mt-1 text-lg font-semibold text-ink-950">
          <Link
            to={projectPaths.project(project.slug)}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {project.title}
          </Link>
        </h2>
        <p className="mt-1 line-clamp-3 text-sm leading-6 text-ink-600">{project.summary}</p>
        {shownTags.length > 0 ? (
          <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Tags">
            {shownTags.map((tag) => (
              <li key={tag}>
                <Badge>{tag}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-auto pt-5">
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-ink-100 pt-4 text-sm text-ink-600">
            <span className="flex items-center gap-1.5">
              <BuildingIcon className="size-4 text-ink-500" aria-hidden="true" />
              {project.makerspace?.name ?? 'Home workshop'}
            </span>
            <span>Updated {formatProjectDate(project.updatedAt)}</span>
          </div>
        </div>
      </div>
    </Card>
  );
}
