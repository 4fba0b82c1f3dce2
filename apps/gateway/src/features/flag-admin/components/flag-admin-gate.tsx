import { useSession, type SessionUser } from '@makrx/spa-kit';
import { Button, buttonClasses, EmptyState, LockIcon, ShieldIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { canSeeFlagAdministration } from '../access';

type TitleLevel = 'h1' | 'h2';

export function SignInToManageFlags({
  onSignIn,
  titleAs = 'h1',
}: {
  onSignIn: () => void;
  titleAs?: TitleLevel;
}) {
  return (
    <EmptyState
      titleAs={titleAs}
      icon={<LockIcon />}
      title="Sign in to manage feature flags"
      description="Feature flags are for MakrX super admins and admins. Sign in, and you’ll come straight back to this page."
      action={<Button onClick={onSignIn}>Sign in</Button>}
    />
  );
}

export function OnlyAdmins({
  user,
  titleAs = 'h1',
}: {
  user: SessionUser | undefined;
  titleAs?: TitleLevel;
}) {
  return (
    <EmptyState
      titleAs={titleAs}
      icon={<ShieldIcon />}
      title="Only admins can manage feature flags"
      description={
        <>
          {user ? (
            <>
              You’re signed in as{' '}
              <strong className="font-semibold text-ink-900">{user.name}</strong> ({user.email}),
              without an admin role.{' '}
            </>
          ) : null}
          Makerspace admins turn their makerspace’s features on and off in MakrCave, under the
          makerspace’s Features page.
        </>
      }
      action={
        <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
          Go to the home page
        </Link>
      }
    />
  );
}

/** Shows its children to super admins and admins; a guest is asked to sign in, anyone else told why not. */
export function FlagAdminGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') {
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  }
  if (session.status === 'signed-out') return <SignInToManageFlags onSignIn={session.signIn} />;
  if (!canSeeFlagAdministration(session.user)) return <OnlyAdmins user={session.user} />;
  return children;
}
