import { ServiceErrorState } from '@makrx/spa-kit';
import { Avatar, BuildingIcon, Button, Card, CheckIcon, Skeleton, UsersIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useFollow, useMyFollows, useMyMakerspaces } from '../api';

function FollowMakerspaceToggle({
  slug,
  name,
  following,
}: {
  slug: string;
  name: string;
  following: boolean;
}) {
  const follow = useFollow(`makerspaces/${slug}`);
  return (
    <Button
      size="sm"
      variant={following ? 'secondary' : 'primary'}
      aria-pressed={following}
      aria-label={following ? `Unfollow ${name}` : `Follow ${name}`}
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
  );
}

/** Whom the reader follows, and their own makerspaces with a follow toggle and the directory. */
export function FollowingPanel() {
  const follows = useMyFollows();
  const spaces = useMyMakerspaces();

  if (follows.isPending) {
    return (
      <Card className="space-y-3 p-6" aria-busy="true">
        <span className="sr-only">Loading whom you follow…</span>
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-2/3" />
      </Card>
    );
  }
  if (follows.isError)
    return (
      <ServiceErrorState
        error={follows.error}
        subject="whom you follow"
        onRetry={() => void follows.refetch()}
      />
    );

  const followedSpaces = new Set(follows.data.makerspaces.map((space) => space.makerspaceId));
  const mine = spaces.data?.items ?? [];
  const otherSpaces = follows.data.makerspaces.filter(
    (space) => !mine.some((own) => own.makerspace.id === space.makerspaceId),
  );

  return (
    <div className="space-y-6">
      <Card className="p-6">
        <h2 className="flex items-center gap-2 text-base font-semibold text-ink-950">
          <UsersIcon className="size-4 text-ink-500" />
          Makers you follow
        </h2>
        {follows.data.makers.length === 0 ? (
          <p className="mt-3 text-sm text-ink-600">
            Nobody yet. Follow makers from their profiles to see what they build.
          </p>
        ) : (
          <ul className="mt-4 space-y-3">
            {follows.data.makers.map((maker) => (
              <li key={maker.handle} className="flex items-center gap-3">
                <Avatar name={maker.displayName} size="sm" />
                <div className="min-w-0">
                  <Link
                    to={`/makers/${maker.handle}`}
                    className="block truncate text-sm font-medium text-ink-950 hover:underline"
                  >
                    {maker.displayName}
                  </Link>
                  <p className="truncate text-xs text-ink-600">{maker.headline}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card className="p-6">
        <h2 className="flex items-center gap-2 text-base font-semibold text-ink-950">
          <BuildingIcon className="size-4 text-ink-500" />
          Makerspaces
        </h2>
        <p className="mt-1 text-sm text-ink-600">
          Follow a makerspace to see the public projects built there.
        </p>
        {mine.length === 0 && otherSpaces.length === 0 ? (
          <p className="mt-3 text-sm text-ink-600">
            {spaces.isPending ? 'Loading your makerspaces…' : 'You are not a member of any yet.'}
          </p>
        ) : (
          <ul className="mt-4 space-y-4">
            {mine.map(({ makerspace }) => (
              <li key={makerspace.id} className="flex flex-wrap items-center justify-between gap-2">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-ink-950">{makerspace.name}</p>
                  <Link
                    to={`/makerspaces/${makerspace.slug}/members`}
                    className="text-xs font-medium text-accent-700 hover:underline"
                  >
                    Members directory
                  </Link>
                </div>
                <FollowMakerspaceToggle
                  slug={makerspace.slug}
                  name={makerspace.name}
                  following={followedSpaces.has(makerspace.id)}
                />
              </li>
            ))}
            {otherSpaces.map((space) => (
              <li
                key={space.makerspaceId}
                className="flex flex-wrap items-center justify-between gap-2"
              >
                <p className="truncate text-sm font-medium text-ink-950">{space.name}</p>
                <FollowMakerspaceToggle slug={space.slug} name={space.name} following />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
