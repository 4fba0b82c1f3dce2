import type { SessionUser } from '@makrx/spa-kit';
import { Button, buttonClasses, EmptyState, LockIcon, ShieldIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';

export function SignInToManageUsers({
  onSignIn,
  titleAs = 'h1',
}: {
  onSignIn: () => void;
  titleAs?: 'h1' | 'h2';
}) {
  return (
    <EmptyState
      titleAs={titleAs}
      icon={<LockIcon />}
      title="Sign in to manage users"
      description="User administration is for MakrX super admins. Sign in, and you’ll come straight back to this page."
      action={<Button onClick={onSignIn}>Sign in</Button>}
    />
  );
}

export function OnlySuperAdmins({
  user,
  titleAs = 'h1',
}: {
  user: SessionUser | undefined;
  titleAs?: 'h1' | 'h2';
}) {
  return (
    <EmptyState
      titleAs={titleAs}
      icon={<ShieldIcon />}
      title="Only admins can manage users"
      description={
        <>
          {user ? (
            <>
              You’re signed in as{' '}
              <strong className="font-semibold text-ink-900">{user.name}</strong> ({user.email}),
              without an admin role.{' '}
            </>
          ) : null}
          To change someone’s roles or lock an account, ask a super admin.
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
