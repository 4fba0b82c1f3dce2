import { useDocumentTitle, useSession } from '@makrx/spa-kit';
import { Button, Container, EmptyState, LockIcon, SectionHeader } from '@makrx/ui';
import { useNavigate } from 'react-router-dom';
import { useCreateProject } from '../../features/projects/api';
import { ProjectForm } from '../../features/projects/components/project-form';
import { projectPaths } from '../../features/projects/paths';

/** Starting a project; photos are added on its page once it exists. */
export function NewProjectPage() {
  useDocumentTitle('New project');
  const session = useSession();
  const create = useCreateProject();
  const navigate = useNavigate();
  return (
    <Container className="py-8 sm:py-12">
      <div className="mx-auto max-w-3xl">
        <SectionHeader
          titleAs="h1"
          title="New project"
          description="Its link is made from the title. Photos, a cover and parts follow on its page."
        />
        <div className="mt-8">
          {session.status === 'signed-out' ? (
            <EmptyState
              icon={<LockIcon />}
              title="Sign in to start a project"
              action={<Button onClick={session.signIn}>Sign in</Button>}
            />
          ) : session.status === 'signed-in' ? (
            <ProjectForm
              mayChangeVisibility
              submitLabel="Create project"
              pending={create.isPending}
              error={create.error}
              onSubmit={(values) =>
                create.mutate(values, {
                  onSuccess: (project) => navigate(projectPaths.project(project.slug)),
                })
              }
              onCancel={() => navigate(projectPaths.mine)}
            />
          ) : null}
        </div>
      </div>
    </Container>
  );
}
