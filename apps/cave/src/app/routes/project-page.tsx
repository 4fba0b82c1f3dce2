import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  buttonClasses,
  Container,
  EmptyState,
  LightbulbIcon,
  Skeleton,
} from '@makrx/ui';
import { Link, useParams } from 'react-router-dom';
import { BomPanel } from '../../features/bom/components/bom-panel';
import { useProject } from '../../features/projects/api';
import { ProjectDetailView } from '../../features/projects/components/project-detail-view';

function ProjectSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading project…</span>
      <Skeleton className="h-44 rounded-3xl sm:h-64" />
      <Skeleton className="mt-8 h-4 w-40" />
      <Skeleton className="mt-3 h-9 w-80 max-w-full" />
      <Skeleton className="mt-4 h-5 w-full max-w-xl" />
      <Skeleton className="mt-12 h-48 rounded-2xl" />
    </div>
  );
}

export function ProjectPage() {
  const { slug = '' } = useParams();
  const project = useProject(slug);
  const isNotFound = project.error instanceof ApiError && project.error.status < 500;
  useDocumentTitle(
    project.data?.title ??
      (isNotFound ? 'Project not found' : project.isError ? 'Error' : 'Project'),
  );

  return (
    <Container className="py-8 sm:py-12">
      <Link
        to="/projects"
        className="mb-6 inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
      >
        <ArrowLeftIcon className="size-4" />
        All projects
      </Link>
      {project.isPending ? (
        <ProjectSkeleton />
      ) : isNotFound ? (
        <EmptyState
          titleAs="h1"
          icon={<LightbulbIcon />}
          title="We couldn’t find that project"
          description="It may have been renamed, or its maker keeps it private. If it is yours, sign in to see it."
          action={
            <Link to="/projects" className={buttonClasses()}>
              Browse projects
            </Link>
          }
        />
      ) : project.isError ? (
        <ServiceErrorState
          titleAs="h1"
          error={project.error}
          subject="this project"
          onRetry={() => void project.refetch()}
        />
      ) : (
        <>
          <ProjectDetailView project={project.data} />
          <div className="mt-12">
            <BomPanel projectSlug={project.data.slug} />
          </div>
        </>
      )}
    </Container>
  );
}
