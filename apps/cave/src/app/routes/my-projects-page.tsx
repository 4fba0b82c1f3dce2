import { ServiceErrorState, useDocumentTitle, useFlag, useSession } from '@makrx/spa-kit';
import {
  Badge,
  Button,
  buttonClasses,
  Container,
  EmptyState,
  LightbulbIcon,
  LockIcon,
  SectionHeader,
} from '@makrx/ui';
import { Link } from 'react-router-dom';
import { COLLABORATION_FLAG, roleLabels, useMyProjects } from '../../features/projects/api';
import { InvitationsList } from '../../features/projects/components/invitations-list';
import {
  ProjectCardGrid,
  ProjectCardGridSkeleton,
} from '../../features/projects/components/project-card-grid';
import { projectPaths } from '../../features/projects/paths';

function NewProjectLink() {
  return (
    <Link to={projectPaths.new} className={buttonClasses()}>
      New project
    </Link>
  );
}

function MyProjectList() {
  const mine = useMyProjects();
  if (mine.isPending) return <ProjectCardGridSkeleton count={3} />;
  if (mine.isError) {
    return (
      <ServiceErrorState
        error={mine.error}
        subject="your projects"
        onRetry={() => void mine.refetch()}
      />
    );
  }
  if (mine.data.items.length === 0) {
    return (
      <EmptyState
        icon={<LightbulbIcon />}
        title="Start your first project"
        description="Keep the idea, the build log, photos and parts in one place. It stays private until you choose to share it."
        action={<NewProjectLink />}
      />
    );
  }
  return (
    <ProjectCardGrid
      projects={mine.data.items}
      badgesOf={(project) => (
        <>
          {project.visibility === 'private' ? (
            <Badge tone="warning">
              <LockIcon className="size-3.5" aria-hidden="true" />
              Private
            </Badge>
          ) : null}
          {project.role !== 'owner' ? <Badge>{roleLabels[project.role]}</Badge> : null}
        </>
      )}
    />
  );
}

/** The signed-in person's projects: those they own and those shared with them. */
export function MyProjectsPage() {
  useDocumentTitle('My projects');
  const session = useSession();
  const collaborating = useFlag(COLLABORATION_FLAG, false);
  return (
    <Container className="py-12 sm:py-16">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <SectionHeader
          titleAs="h1"
          eyebrow="Projects"
          title="My projects"
          description="What you are building, and the projects others share with you."
        />
        {session.status === 'signed-in' ? <NewProjectLink /> : null}
      </div>
      <div className="mt-10">
        {session.status === 'signed-out' ? (
          <EmptyState
            icon={<LockIcon />}
            title="Sign in to see your projects"
            action={<Button onClick={session.signIn}>Sign in</Button>}
          />
        ) : session.status === 'signed-in' ? (
          <>
            {collaborating ? <InvitationsList /> : null}
            <MyProjectList />
          </>
        ) : null}
      </div>
    </Container>
  );
}
