import { Button, EmptyState } from '@makrx/ui';
import type { ReactNode } from 'react';
import { useSession } from './session-context';

export interface SignedInOnlyProps {
  /** What the guest is asked to sign in for: the page's heading while signed out. */
  title: string;
  description: string;
  icon: ReactNode;
  children: ReactNode;
}

/**
 * A page for signed-in people: while the session is being checked it says so; a guest is asked
 * to sign in (the heading is the page's h1) rather than shown an empty form; then the page.
 */
export function SignedInOnly({ title, description, icon, children }: SignedInOnlyProps) {
  const session = useSession();
  if (session.status === 'loading')
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  if (session.status === 'signed-out')
    return (
      <EmptyState
        titleAs="h1"
        icon={icon}
        title={title}
        description={description}
        action={<Button onClick={session.signIn}>Sign in</Button>}
      />
    );
  return <>{children}</>;
}
