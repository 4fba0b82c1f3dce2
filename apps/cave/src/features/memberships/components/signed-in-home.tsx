import type { SessionUser } from '@makrx/spa-kit';
import { InviteOnlyWelcome } from '../../onboarding/components/invite-only-welcome';
import { useMyMakerspaces } from '../api';
import { MyMakerspaces, MyMakerspacesSkeleton } from './my-makerspaces';

/**
 * What a signed-in person sees above the directory: their makerspaces, or, while they have
 * none, how invite-only membership works.
 */
export function SignedInHome({ user }: { user: SessionUser }) {
  const mine = useMyMakerspaces();
  if (mine.isPending) return <MyMakerspacesSkeleton />;
  // Without the answer, say nothing rather than call a member a newcomer.
  if (mine.isError) return null;
  const items = mine.data?.items ?? [];
  if (items.length > 0) return <MyMakerspaces memberships={items} />;
  return <InviteOnlyWelcome user={user} />;
}
