import type { OwnProfile } from '@makrx/contracts';
import { Button, Card, LockIcon, Skeleton, UnlockIcon, UsersIcon } from '@makrx/ui';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useChooseProfileVisibility, useOwnProfile } from '../own-profile-api';

function VisibilityState({ profile }: { profile: OwnProfile }) {
  const path = `/makers/${profile.handle}`;
  return profile.public ? (
    <p className="flex items-start gap-2 text-sm leading-6 text-ink-700">
      <UnlockIcon className="mt-1 size-4 shrink-0 text-emerald-700" aria-hidden />
      <span>
        <strong className="font-semibold text-ink-950">Public</strong> — listed in the makers
        directory at{' '}
        <Link
          to={path}
          className="rounded-sm font-semibold wrap-anywhere text-accent-700 underline underline-offset-2 hover:text-accent-900"
        >
          {path}
        </Link>
      </span>
    </p>
  ) : (
    <p className="flex items-start gap-2 text-sm leading-6 text-ink-700">
      <LockIcon className="mt-1 size-4 shrink-0 text-ink-500" aria-hidden />
      <span>
        <strong className="font-semibold text-ink-950">Private</strong> — hidden from everyone: not
        in the makers directory, not in search, and its page is not found.
      </span>
    </p>
  );
}

function VisibilityControl({ profile }: { profile: OwnProfile }) {
  const choose = useChooseProfileVisibility();
  const wanted = !profile.public;
  return (
    <>
      <div className="mt-3" aria-live="polite">
        <VisibilityState profile={profile} />
      </div>
      <Button
        className="mt-4"
        variant="secondary"
        disabled={choose.isPending}
        onClick={() => choose.mutate(wanted)}
      >
        {choose.isPending
          ? choose.variables
            ? 'Making it public…'
            : 'Making it private…'
          : wanted
            ? 'Make my profile public'
            : 'Make my profile private'}
      </Button>
      {choose.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          Your profile was not changed: {choose.error.message}
        </p>
      ) : null}
    </>
  );
}

/** Whether the signed-in user's maker profile is public, and the switch between the two. */
export function ProfileVisibilityCard() {
  const headingId = useId();
  const profile = useOwnProfile();
  return (
    <Card className="p-5">
      <section aria-labelledby={headingId}>
        <div className="flex items-center gap-2">
          <UsersIcon className="size-5 text-accent-700" aria-hidden />
          <h2 id={headingId} className="text-lg font-semibold text-ink-950">
            Your maker profile
          </h2>
        </div>
        {profile.isPending ? (
          <div aria-busy="true">
            <Skeleton className="mt-3 h-6 w-full" />
            <Skeleton className="mt-4 h-10 w-48" />
          </div>
        ) : profile.isError ? (
          <>
            <p role="alert" className="mt-3 text-sm text-ink-700">
              Your maker profile could not be loaded just now: {profile.error.message}
            </p>
            <Button
              className="mt-4"
              variant="secondary"
              disabled={profile.isFetching}
              onClick={() => void profile.refetch()}
            >
              {profile.isFetching ? 'Trying again…' : 'Try again'}
            </Button>
          </>
        ) : (
          <VisibilityControl profile={profile.data} />
        )}
      </section>
    </Card>
  );
}
