import { pageFromSearch, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Container, cx, EmptyState, LightbulbIcon, Pagination, SectionHeader } from '@makrx/ui';
import { useSearchParams } from 'react-router-dom';
import { PROJECTS_PAGE_SIZE, usePublicProjects } from '../../features/projects/api';
import {
  ProjectCardGrid,
  ProjectCardGridSkeleton,
} from '../../features/projects/components/project-card-grid';

function ProjectResults({ page }: { page: number }) {
  const projects = usePublicProjects(page);

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
        title={page > 1 ? 'No projects on this page' : 'No public projects yet'}
        description={
          page > 1
            ? 'This page is past the end of the list.'
            : 'Projects makers choose to share will appear here.'
        }
      />
    );
  }
  return (
    <div className={cx('transition-opacity', projects.isPlaceholderData && 'opacity-60')}>
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        <span className="font-semibold text-ink-900">{total}</span>{' '}
        {total === 1 ? 'public project' : 'public projects'}
      </p>
      <ProjectCardGrid projects={items} />
      <Pagination
        className="mt-12"
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => (target > 1 ? `/projects?page=${target}` : '/projects')}
        label="Project pages"
      />
    </div>
  );
}

export function ProjectsPage() {
  const [searchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  useDocumentTitle('Projects');

  return (
    <Container className="py-12 sm:py-16">
      <SectionHeader
        titleAs="h1"
        eyebrow="Projects"
        title="What makers are building"
        description="Prosthetics, robots, furniture and more — shared by makers in MakrCave makerspaces and home workshops."
      />
      <div className="mt-10">
        <ProjectResults page={page} />
      </div>
    </Container>
  );
}
