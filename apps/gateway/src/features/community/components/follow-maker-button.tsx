import { useFlag, useSession } from '@makrx/spa-kit';
import { Button, CheckIcon } from '@makrx/ui';
import { useFollow, useMakerFollowers } from '../api';
import { followerCount } from '../presentation';

export interface FollowMakerButtonProps {
  handle: string;
  displayName: string;
}

/**
 * Follow or unfollow a maker, with their follower count. Absent while the community is off;
 * a guest is offered sign-in; a maker's own profile shows the count only.
 */
export function FollowMakerButton({ handle, displayName }: FollowMakerButtonProps) {
  const communityOn = useFlag('ENABLE_COMMUNITY_FEATURES', true);
  const session = useSession();
  const followers = useMakerFollowers(handle, communityOn && session.status !== 'loading');
  const follow = useFollow(`makers/${handle}`);
  if (!communityOn || !followers.data) return null;

  const { following, isYou } = followers.data;
  const count = (
    <span className="text-sm text-ink-600" data-testid="follower-count">
      {followerCount(followers.data.followers)}
    </span>
  );
  if (isYou) return <div className="flex items-center gap-3">{count}</div>;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {session.status === 'signed-in' ? (
        <Button
          variant={following ? 'secondary' : 'primary'}
          aria-pressed={following}
          aria-label={following ? `Unfollow ${displayName}` : `Follow ${displayName}`}
          disabled={follow.isPending}
          onClick={() => follow.mutate(!following)}
        >
          {following ? (
            <>
              <CheckIcon />
              Following
            </>
          ) : (
            'Follow'
          )}
        </Button>
      ) : (
        <Button variant="secondary" onClick={session.signIn}>
          Sign in to follow
        </Button>
      )}
      {count}
      {follow.isError ? (
        <span role="alert" className="text-sm text-red-700">
          That didn’t work. Try again.
        </span>
      ) : null}
    </div>
  );
}
