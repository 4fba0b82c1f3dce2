import type { SessionUser } from '@makrx/spa-kit';
import { InviteOnlyWelcome } from '../../onboarding/components/invite-only-welcome';
import { useMayOpenMakerspaces, useMyMakerspaces } from '../api';
import { MyMakerspaces, MyMakerspacesSkeleton } from './my-makerspaces';

/**
 * What a signed-in person sees above the directory: their makerspaces, or, while they have
 * none, how invite-only membership works. Those who may open makerspaces (MakrCave's admins)
 * see their makerspaces, even none yet, with "New makerspace".
 */
export function SignedInHome({ user }: { user: SessionUser }) {
  const mine = useMyMakerspaces();
  const mayOpen = useMayOpenMakerspaces();
  if (mine.isPending) return <MyMakerspacesSkeleton />;
  // Without the answer, say nothing rather than call a member a newcomer.
  if (mine.isError) return null;
  const items = mine.data?.items ?? [];
  if (items.length > 0 || mayOpen) return <MyMakerspaces memberships={items} mayOpen={mayOpen} />;
  return <InviteOnlyWelcome user={user} />;
}
