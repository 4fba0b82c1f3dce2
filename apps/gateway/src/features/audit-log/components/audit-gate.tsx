import { useSession } from '@makrx/spa-kit';
import { Button, buttonClasses, EmptyState, LockIcon, ShieldIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { canReadAuditLog } from '../access';

/** Shows its children to super admins; a guest is asked to sign in, anyone else told why not. */
export function AuditGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') {
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  }
  if (session.status === 'signed-out') {
    return (
      <EmptyState
        titleAs="h1"
        icon={<LockIcon />}
        title="Sign in to read the audit log"
        description="The audit log is for MakrX super admins. Sign in, and you’ll come straight back to this page."
        action={<Button onClick={session.signIn}>Sign in</Button>}
      />
    );
  }
  if (!canReadAuditLog(session.user)) {
    return (
      <EmptyState
        titleAs="h1"
        icon={<ShieldIcon />}
        title="Only super admins can read the audit log"
        description="Who changed what, and when, is shown to super admins. Ask one if you need an entry."
        action={
          <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
            Go to the home page
          </Link>
        }
      />
    );
  }
  return children;
}
