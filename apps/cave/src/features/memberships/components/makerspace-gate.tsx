import { useSession } from '@makrx/spa-kit';
import { Button, EmptyState, LockIcon, ShieldIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import { useMakerspaceAccess } from '../api';
import type { MakerspaceAbilities } from '../roles';

export interface MakerspaceGateProps {
  slug: string;
  /** The ability the page needs: `isInside` for members' pages, `manageMembers` for admins'. */
  needs: keyof MakerspaceAbilities;
  /** Who may see the page, for the refusal: "members of this makerspace". */
  audience: string;
  children: ReactNode;
}

/**
 * Shows a makerspace's inside page only to the roles the access matrix lets in; everyone else
 * learns why, instead of meeting the service's refusal.
 */
export function MakerspaceGate({ slug, needs, audience, children }: MakerspaceGateProps) {
  const access = useMakerspaceAccess(slug);
  const session = useSession();
  if (access.status === 'loading')
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  if (access.status === 'signed-out')
    return (
      <EmptyState
        icon={<LockIcon />}
        title="Sign in to continue"
        description={`This page is for ${audience}. Sign in, and you’ll come straight back here.`}
        action={<Button onClick={session.signIn}>Sign in</Button>}
      />
    );
  if (!access[needs])
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title={`This page is for ${audience}`}
        description="Makerspaces on MakrCave are invite-only. If you should be here, ask one of the makerspace’s admins."
      />
    );
  return children;
}
