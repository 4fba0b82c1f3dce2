import { pageFromSearch, ServiceErrorState, useDocumentTitle, useSession } from '@makrx/spa-kit';
import {
  buttonClasses,
  Container,
  cx,
  EmptyState,
  LightbulbIcon,
  Pagination,
  SectionHeader,
} from '@makrx/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { projectPaths } from '../../features/projects/paths';
import { PROJECTS_PAGE_SIZE, usePublicProjects } from '../../features/projects/api';
import {
  ProjectCardGrid,
  ProjectCardGridSkeleton,
} from '../../features/projects/components/project-card-grid';

function ProjectResults({ page, tag }: { page: number; tag?: string }) {
  const projects = usePublicProjects(page, tag);

  if (projects.isPending) return <ProjectCardGridSkeleton count={PROJECTS_PAGE_SIZE / 3} />;
  if (projects.isError) {
    return (
      <ServiceErrorState
        error={projects.error}
        subject="projects"
        onRetry={() => void projects.refetch()}
      />
    );
  }
  const { items, total, totalPages } = projects.data;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<LightbulbIcon />}
        title={
          page > 1
            ? 'No projects on this page'
            : tag
              ? `No public projects tagged “${tag}”`
              : 'No public projects yet'
        }
        description={
          page > 1
            ? 'This page is past the end of the list.'
            : 'Projects makers choose to share will appear here.'
        }
        action={
          tag ? (
            <Link to={projectPaths.all} className={buttonClasses()}>
              All projects
            </Link>
          ) : undefined
        }
      />
    );
  }
  return (
    <div className={cx('transition-opacity', projects.isPlaceholderData && 'opacity-60')}>
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        <span className="font-semibold text-ink-900">{total}</span>{' '}
        {total === 1 ? 'public project' : 'public projects'}
        {tag ? ` tagged “${tag}”` : ''}
      </p>
      <ProjectCardGrid projects={items} />
      <Pagination
        className="mt-12"
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => {
          const query = new URLSearchParams(tag ? { tag } : {});
          if (target > 1) query.set('page', String(target));
          return query.size > 0 ? `/projects?${query}` : '/projects';
        }}
        label="Project pages"
      />
    </div>
  );
}

export function ProjectsPage() {
  const [searchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  const tag = searchParams.get('tag')?.trim() || undefined;
  const session = useSession();
  useDocumentTitle(tag ? `Projects tagged ${tag}` : 'Projects');

  return (
    <Container className="py-12 sm:py-16">
      <SectionHeader
        titleAs="h1"
        eyebrow={tag ? 'Tag' : 'Projects'}
        title={tag ? `Projects tagged “${tag}”` : 'What makers are building'}
        description="Prosthetics, robots, furniture and more — shared by makers in MakrCave makerspaces and home workshops."
      />
      <div className="mt-6 flex flex-wrap gap-3">
        {tag ? (
          <Link to={projectPaths.all} className={buttonClasses({ variant: 'secondary' })}>
            All projects
          </Link>
        ) : null}
        {session.status === 'signed-in' ? (
          <Link to={projectPaths.mine} className={buttonClasses({ variant: 'secondary' })}>
            My projects
          </Link>
        ) : null}
      </div>
      <div className="mt-10">
        <ProjectResults page={page} tag={tag} />
      </div>
    </Container>
  );
}
