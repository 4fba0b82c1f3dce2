import type { Photo, Project, ProjectStatus } from '@makrx/contracts';
import { useRuntimeConfig } from '@makrx/spa-kit';
import {
  Badge,
  BuildingIcon,
  buttonClasses,
  CalendarIcon,
  CoverArt,
  LightbulbIcon,
  LockIcon,
  type BadgeTone,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { usePhotoSource } from '../../photos/photo-source';
import { formatProjectDate, roleLabels, statusLabels } from '../api';
import { projectPaths } from '../paths';

const statusTones: Record<ProjectStatus, BadgeTone> = {
  idea: 'info',
  in_progress: 'accent',
  completed: 'success',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}

/** The project's cover photo, or a drawn cover while it has none. */
export function ProjectCover({
  project,
  className,
  iconSize,
}: {
  project: { slug: string; coverPhoto: Photo | null };
  className: string;
  iconSize?: 'md' | 'lg';
}) {
  const sourceOf = usePhotoSource();
  if (!project.coverPhoto) {
    return (
      <CoverArt
        seed={project.slug}
        icon={<LightbulbIcon />}
        iconSize={iconSize}
        className={className}
      />
    );
  }
  return (
    <img
      src={sourceOf(project.coverPhoto)}
      alt={project.coverPhoto.alt}
      className={`${className} w-full bg-ink-100 object-cover`}
    />
  );
}

/** The maker's name, linking to their MakrX.org profile. */
export function MakerLink({ owner }: { owner: Project['owner'] }) {
  const { gatewayUrl } = useRuntimeConfig();
  return (
    <a
      href={`${gatewayUrl}/makers/${encodeURIComponent(owner.handle)}`}
      className="font-semibold text-accent-700 underline-offset-2 hover:text-accent-900 hover:underline"
    >
      {owner.displayName}
    </a>
  );
}

export interface ProjectDetailViewProps {
  project: Project;
  /** The gallery (and, for editors, the photos panel). */
  gallery: ReactNode;
  /** Where the bill of materials goes. */
  bom: ReactNode;
  files: ReactNode;
  activity: ReactNode;
  /** Shown beside the title: edit and delete, for those who may. */
  controls?: ReactNode;
}

export function ProjectDetailView({
  project,
  gallery,
  bom,
  files,
  activity,
  controls,
}: ProjectDetailViewProps) {
  return (
    <article>
      <ProjectCover
        project={project}
        iconSize="lg"
        className="h-44 rounded-3xl shadow-lift sm:h-72"
      />

      <header className="mt-8 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <ProjectStatusBadge status={project.status} />
            {project.visibility === 'private' ? (
              <Badge tone="warning">
                <LockIcon className="size-3.5" aria-hidden="true" />
                Private — only its owner and collaborators see it
              </Badge>
            ) : null}
            {project.callerRole ? <Badge>You: {roleLabels[project.callerRole]}</Badge> : null}
          </div>
          <p className="text-sm text-ink-700">
            A project by <MakerLink owner={project.owner} />
          </p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-ink-950 sm:text-4xl">
            {project.title}
          </h1>
          {project.summary ? (
            <p className="mt-3 max-w-2xl text-lg leading-8 text-ink-600">{project.summary}</p>
          ) : null}
        </div>
        {controls}
      </header>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-12">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-semibold text-ink-950">
              About the project
            </h2>
            {project.descriptionHtml ? (
              <div
                className="project-prose mt-4"
                // Rendered from Markdown and sanitized by the cave service.
                dangerouslySetInnerHTML={{ __html: project.descriptionHtml }}
              />
            ) : (
              <p className="mt-4 text-ink-600">Its maker has not described it yet.</p>
            )}
          </section>
          {gallery}
          {bom}
          {files}
          {activity}
        </div>

        <aside className="space-y-6 rounded-2xl border border-ink-200 bg-white p-6 shadow-card lg:self-start">
          <div>
            <h2 className="text-sm font-semibold text-ink-950">Built at</h2>
            <p className="mt-2 flex items-center gap-2 text-sm text-ink-700">
              <BuildingIcon className="size-4 text-ink-500" aria-hidden="true" />
              {project.makerspace ? (
                <Link
                  to={`/makerspaces/${project.makerspace.slug}`}
                  className="font-medium text-accent-700 hover:text-accent-900"
                >
                  {project.makerspace.name}
                </Link>
              ) : (
                'A home workshop'
              )}
            </p>
          </div>
          <div>
            <h2 className="text-sm font-semibold text-ink-950">
              {project.completedAt ? 'Completed' : 'Last updated'}
            </h2>
            <p className="mt-2 flex items-center gap-2 text-sm text-ink-700">
              <CalendarIcon className="size-4 text-ink-500" aria-hidden="true" />
              {formatProjectDate(project.completedAt ?? project.updatedAt)}
            </p>
          </div>
          {project.tags.length > 0 ? (
            <div>
              <h2 className="text-sm font-semibold text-ink-950">Tags</h2>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {project.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      to={projectPaths.tag(tag)}
                      className={buttonClasses({ variant: 'secondary', size: 'sm' })}
                    >
                      {tag}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
