import type { MakerProfile, ProjectSummary } from '@makrx/contracts';
import { Badge, Card, CheckIcon, LightbulbIcon, Skeleton, SparkIcon } from '@makrx/ui';
import { useMakerProjects } from '../api';
import { firstNameOf } from '../presentation';

const earnedFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric' });

/** The milestones MakrCave recorded for the maker, newest first. */
export function AchievementList({ maker }: { maker: MakerProfile }) {
  const firstName = firstNameOf(maker.displayName);
  const achievements = [...maker.achievements].reverse();
  return (
    <section aria-labelledby="achievements-heading">
      <h2 id="achievements-heading" className="text-lg font-semibold text-ink-950">
        Achievements
      </h2>
      {achievements.length === 0 ? (
        <p className="mt-3 text-sm text-ink-600">
          {firstName} hasn’t reached a MakrCave milestone yet.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {achievements.map((achievement) => (
            <li key={achievement.key} className="flex items-start gap-3 text-sm">
              <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-100 text-accent-700">
                <CheckIcon className="size-3.5" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="font-medium text-ink-900">{achievement.title}</span>
                <time dateTime={achievement.earnedAt} className="block text-xs text-ink-500">
                  {earnedFormat.format(new Date(achievement.earnedAt))}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const statusLabel = { idea: 'Idea', in_progress: 'In progress', completed: 'Completed' } as const;

function ProjectCard({
  caveUrl,
  slug,
  title,
  summary,
  makerspace,
  status,
  featured,
}: {
  caveUrl: string;
  slug: string;
  title: string;
  summary: string;
  makerspace?: string | undefined;
  status?: ProjectSummary['status'] | undefined;
  featured?: boolean;
}) {
  return (
    <Card interactive className="flex h-full flex-col p-5">
      <div className="flex flex-wrap items-center gap-2">
        {featured ? (
          <Badge tone="accent">
            <SparkIcon className="size-3.5" />
            Featured
          </Badge>
        ) : null}
        {status ? (
          <Badge tone={status === 'completed' ? 'success' : 'neutral'}>{statusLabel[status]}</Badge>
        ) : null}
      </div>
      <h3 className="mt-3 text-base font-semibold text-ink-950">
        <a
          href={`${caveUrl}/projects/${encodeURIComponent(slug)}`}
          className="rounded-md after:absolute after:inset-0 focus-visible:outline-none"
        >
          {title}
        </a>
      </h3>
      <p className="mt-1.5 line-clamp-3 text-sm leading-6 text-ink-700">{summary}</p>
      {makerspace ? <p className="mt-auto pt-3 text-xs text-ink-500">at {makerspace}</p> : null}
    </Card>
  );
}

/**
 * The maker's featured projects first, in their order, then the rest of their public projects,
 * newest first; each links to its page in MakrCave.
 */
export function MakerProjects({ maker, caveUrl }: { maker: MakerProfile; caveUrl: string }) {
  const projects = useMakerProjects(maker.userId);
  const firstName = firstNameOf(maker.displayName);
  const featuredSlugs = new Set(maker.featuredProjects.map((p) => p.id));
  const statusOf = new Map(projects.data?.items.map((p) => [p.slug, p.status]) ?? []);
  const others = (projects.data?.items ?? []).filter((p) => !featuredSlugs.has(p.slug));
  const nothing = maker.featuredProjects.length === 0 && others.length === 0;
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading" className="text-lg font-semibold text-ink-950">
        Projects
      </h2>
      {projects.isPending && maker.featuredProjects.length === 0 ? (
        <div className="mt-3 grid gap-4 sm:grid-cols-2" aria-busy="true">
          <Skeleton className="h-36 rounded-2xl" />
          <Skeleton className="h-36 rounded-2xl" />
        </div>
      ) : nothing ? (
        <div className="mt-3 flex items-start gap-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 p-5 text-sm text-ink-600">
          <LightbulbIcon className="mt-0.5 size-5 shrink-0 text-ink-400" />
          <p>
            {projects.isError
              ? `${firstName}’s projects could not be loaded just now.`
              : `${firstName} hasn’t shared a public project yet.`}
          </p>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {maker.featuredProjects.map((project) => (
            <li key={project.id}>
              <ProjectCard
                caveUrl={caveUrl}
                slug={project.id}
                title={project.title}
                summary={project.summary}
                makerspace={project.makerspace}
                status={statusOf.get(project.id)}
                featured
              />
            </li>
          ))}
          {others.map((project) => (
            <li key={project.id}>
              <ProjectCard
                caveUrl={caveUrl}
                slug={project.slug}
                title={project.title}
                summary={project.summary}
                makerspace={project.makerspace?.name}
                status={project.status}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
