import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { buttonClasses, Container, EmptyState, LockIcon, SectionHeader, Skeleton } from '@makrx/ui';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useProject, useUpdateProject } from '../../features/projects/api';
import { ProjectForm } from '../../features/projects/components/project-form';
import { projectPaths } from '../../features/projects/paths';

/** Changing a project, for its editors and owner (only the owner chooses who sees it). */
export function EditProjectPage() {
  const { slug = '' } = useParams();
  const project = useProject(slug);
  const update = useUpdateProject(slug);
  const navigate = useNavigate();
  useDocumentTitle(project.data ? `Edit · ${project.data.title}` : 'Edit project');
  const role = project.data?.callerRole;
  return (
    <Container className="py-8 sm:py-12">
      <div className="mx-auto max-w-3xl">
        <SectionHeader
          titleAs="h1"
          title={project.data ? `Edit “${project.data.title}”` : 'Edit project'}
          description="Its link stays as it is, whatever the title becomes."
        />
        <div className="mt-8">
          {project.isPending ? (
            <Skeleton className="h-96 rounded-2xl" />
          ) : project.isError ? (
            project.error instanceof ApiError && project.error.status < 500 ? (
              <EmptyState
                icon={<LockIcon />}
                title="We couldn’t find that project"
                description="It may have been deleted, or it is private and not shared with you."
                action={
                  <Link to={projectPaths.mine} className={buttonClasses()}>
                    My projects
                  </Link>
                }
              />
            ) : (
              <ServiceErrorState
                error={project.error}
                subject="this project"
                onRetry={() => void project.refetch()}
              />
            )
          ) : role !== 'owner' && role !== 'editor' ? (
            <EmptyState
              icon={<LockIcon />}
              title="Only its owner and editors change this project"
              action={
                <Link to={projectPaths.project(slug)} className={buttonClasses()}>
                  Back to the project
                </Link>
              }
            />
          ) : (
            <ProjectForm
              project={project.data}
              mayChangeVisibility={role === 'owner'}
              submitLabel="Save changes"
              pending={update.isPending}
              error={update.error}
              onSubmit={({ visibility, ...change }) =>
                update.mutate(
                  { change, ...(role === 'owner' ? { visibility } : {}) },
                  { onSuccess: () => navigate(projectPaths.project(slug)) },
                )
              }
              onCancel={() => navigate(projectPaths.project(slug))}
            />
          )}
        </div>
      </div>
    </Container>
  );
}
