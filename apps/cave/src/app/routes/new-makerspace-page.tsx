import { useDocumentTitle, useSession } from '@makrx/spa-kit';
import { Button, BuildingIcon, Container, EmptyState, LockIcon, SectionHeader } from '@makrx/ui';
import { useNavigate } from 'react-router-dom';
import { useMayOpenMakerspaces } from '../../features/memberships/api';
import {
  NewMakerspaceForm,
  type CreatedMakerspaceState,
} from '../../features/settings/components/new-makerspace-form';
import { paths } from '../../paths';

/** Opening a makerspace on MakrCave, for those who may (`makerspaces:create`). */
export function NewMakerspacePage() {
  useDocumentTitle('New makerspace');
  const session = useSession();
  const mayOpen = useMayOpenMakerspaces();
  const navigate = useNavigate();
  return (
    <Container className="py-8 sm:py-12">
      <div className="mx-auto max-w-2xl">
        <SectionHeader
          titleAs="h1"
          title="New makerspace"
          description="Open a makerspace on MakrCave. You can change all of this later in its settings."
        />
        <div className="mt-8">
          {session.status === 'signed-out' ? (
            <EmptyState
              icon={<LockIcon />}
              title="Sign in to open a makerspace"
              action={<Button onClick={session.signIn}>Sign in</Button>}
            />
          ) : session.status === 'signed-in' && !mayOpen ? (
            <EmptyState
              icon={<BuildingIcon />}
              title="Only MakrCave’s admins open makerspaces"
              description="Ask them to open yours; they can make you its admin."
            />
          ) : session.status === 'signed-in' ? (
            <NewMakerspaceForm
              onCreated={(slug, name) =>
                navigate(paths.settings(slug), {
                  state: { created: name } satisfies CreatedMakerspaceState,
                })
              }
            />
          ) : null}
        </div>
      </div>
    </Container>
  );
}
