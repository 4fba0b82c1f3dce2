import { useSession } from '@makrx/spa-kit';
import type { ReactNode } from 'react';
import { canSeeUsers } from '../access';
import { OnlySuperAdmins, SignInToManageUsers } from './access-states';

/** Shows its children to super and domain admins; a guest is asked to sign in, anyone else told why not. */
export function SuperAdminGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') {
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  }
  if (session.status === 'signed-out') return <SignInToManageUsers onSignIn={session.signIn} />;
  if (!canSeeUsers(session.user)) return <OnlySuperAdmins user={session.user} />;
  return children;
}
