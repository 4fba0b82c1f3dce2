import type { Project } from '@makrx/contracts';
import { Badge, BuildingIcon, CalendarIcon, CoverArt, LightbulbIcon, LockIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { formatProjectDate } from '../api';

export function ProjectDetailView({ project }: { project: Project }) {
  return (
    <article>
      <CoverArt
        seed={project.slug}
        icon={<LightbulbIcon />}
        iconSize="lg"
        className="h-44 rounded-3xl shadow-lift sm:h-64"
      />

      <header className="mt-8">
        {project.visibility === 'private' ? (
          <Badge tone="warning" className="mb-3">
            <LockIcon className="size-3.5" aria-hidden="true" />
            Private — only you can see this project
          </Badge>
        ) : null}
        <p className="text-sm font-medium text-accent-700">
          A project by {project.owner.displayName}
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-ink-950 sm:text-4xl">
          {project.title}
        </h1>
        <p className="mt-3 max-w-2xl text-lg leading-8 text-ink-600">{project.summary}</p>
      </header>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="text-xl font-semibold text-ink-950">
            About the project
          </h2>
          <div className="mt-4 max-w-prose space-y-4 text-base leading-7 text-ink-700">
            {project.description
              .split(/\n{2,}/)
              .filter(Boolean)
              .map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
          </div>
        </section>

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
            <h2 className="text-sm font-semibold text-ink-950">Last updated</h2>
            <p className="mt-2 flex items-center gap-2 text-sm text-ink-700">
              <CalendarIcon className="size-4 text-ink-500" aria-hidden="true" />
              {formatProjectDate(project.updatedAt)}
            </p>
          </div>
          {project.tags.length > 0 ? (
            <div>
              <h2 className="text-sm font-semibold text-ink-950">Tags</h2>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {project.tags.map((tag) => (
                  <li key={tag}>
                    <Badge>{tag}</Badge>
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
