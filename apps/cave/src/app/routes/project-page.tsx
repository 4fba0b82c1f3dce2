import type { Project } from '@makrx/contracts';
import { ApiError, ServiceErrorState, useDocumentTitle, useFlag } from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  Button,
  buttonClasses,
  ConfirmDialog,
  Container,
  EmptyState,
  LightbulbIcon,
  Skeleton,
} from '@makrx/ui';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FeatureOnProfile } from '../../features/achievements/components/feature-on-profile';
import { BomPanel } from '../../features/bom/components/bom-panel';
import { ProjectPrintOrders } from '../../features/print-jobs/components/project-print-orders';
import { COLLABORATION_FLAG, useDeleteProject, useProject } from '../../features/projects/api';
import { CollaboratorsPanel } from '../../features/projects/components/collaborators-panel';
import { ProjectActivityLog } from '../../features/projects/components/project-activity-log';
import { ProjectDetailView } from '../../features/projects/components/project-detail-view';
import { ProjectBookings } from '../../features/projects/components/project-bookings';
import { ProjectFiles } from '../../features/projects/components/project-files';
import { ProjectGallery } from '../../features/projects/components/project-gallery';
import { projectPaths } from '../../features/projects/paths';

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

/** Edit for editors and the owner; delete for the owner alone. */
function ProjectControls({ project }: { project: Project }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteProject(project.slug);
  const navigate = useNavigate();
  const role = project.callerRole;
  if (role !== 'owner' && role !== 'editor') return null;
  return (
    <div className="flex flex-wrap gap-2">
      <Link to={projectPaths.edit(project.slug)} className={buttonClasses()}>
        Edit project
      </Link>
      {role === 'owner' ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${project.title}”?`}
        confirmLabel="Delete project"
        pendingLabel="Deleting…"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? remove.error.message : undefined}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(projectPaths.mine) })}
        onCancel={() => setConfirming(false)}
      >
        Its photos, activity and bill of materials go with it. This cannot be undone.
      </ConfirmDialog>
      {role === 'owner' ? (
        <FeatureOnProfile projectId={project.id} visibility={project.visibility} />
      ) : null}
    </div>
  );
}

export function ProjectPage() {
  const { slug = '' } = useParams();
  const project = useProject(slug);
  const collaborating = useFlag(COLLABORATION_FLAG, false);
  const isNotFound = project.error instanceof ApiError && project.error.status < 500;
  useDocumentTitle(
    project.data?.title ??
      (isNotFound ? 'Project not found' : project.isError ? 'Error' : 'Project'),
  );

  return (
    <Container className="py-8 sm:py-12">
      <Link
        to={projectPaths.all}
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
          description="It may have been deleted, or its maker keeps it private. If it is yours, sign in to see it."
          action={
            <Link to={projectPaths.all} className={buttonClasses()}>
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
        <ProjectDetailView
          project={project.data}
          controls={<ProjectControls project={project.data} />}
          gallery={
            <ProjectGallery
              project={project.data}
              mayEdit={project.data.callerRole === 'owner' || project.data.callerRole === 'editor'}
            />
          }
          bom={<BomPanel projectSlug={project.data.slug} />}
          files={
            <>
              <ProjectFiles
                slug={project.data.slug}
                mayEdit={
                  project.data.callerRole === 'owner' || project.data.callerRole === 'editor'
                }
              />
              {project.data.callerRole === 'owner' || project.data.callerRole === 'editor' ? (
                <>
                  <ProjectBookings slug={project.data.slug} />
                  <ProjectPrintOrders projectId={project.data.id} projectSlug={project.data.slug} />
                </>
              ) : null}
            </>
          }
          activity={
            <>
              {collaborating && project.data.callerRole === 'owner' ? (
                <CollaboratorsPanel slug={project.data.slug} />
              ) : null}
              <ProjectActivityLog slug={project.data.slug} />
            </>
          }
        />
      )}
    </Container>
  );
}
