import type { FeatureFlagListItem } from '@makrx/contracts';
import { ApiError, ServiceErrorState, useSession } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useFlags, useMakerspaceNames } from '../api';
import { flagGroups, groupOf } from '../presentation';
import { FlagCard } from './flag-card';
import { OnlyAdmins, SignInToManageFlags } from './flag-admin-gate';

function FlagListSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <span className="sr-only">Loading feature flags…</span>
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} className="h-48 rounded-2xl" />
      ))}
    </div>
  );
}

/** "You can change 5 of the 17 flags." — so a domain admin sees their share at a glance. */
function summaryOf(flags: FeatureFlagListItem[]): string {
  const changeable = flags.filter((flag) => flag.mayChange).length;
  if (changeable === flags.length) return `You can change all ${flags.length} flags.`;
  if (changeable === 0) return `All ${flags.length} flags are read-only for you.`;
  return `You can change ${changeable} of the ${flags.length} flags; the others are shown read-only, each with the reason.`;
}

/** Every flag, grouped as the spec lists them, each with its controls and history. */
export function FlagAdministration() {
  const flags = useFlags();
  const names = useMakerspaceNames();
  const session = useSession();

  if (flags.isPending) return <FlagListSkeleton />;
  if (flags.isError) {
    const { error } = flags;
    if (error instanceof ApiError && error.status === 401)
      return <SignInToManageFlags titleAs="h2" onSignIn={session.signIn} />;
    if (error instanceof ApiError && error.status === 403)
      return <OnlyAdmins titleAs="h2" user={session.user} />;
    return (
      <ServiceErrorState
        error={error}
        subject="the feature flags"
        onRetry={() => void flags.refetch()}
      />
    );
  }

  const all = flags.data.flags;
  return (
    <div className="space-y-12">
      <p className="rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200 ring-inset">
        {summaryOf(all)} Every change needs a reason, takes effect within seconds, and is kept in
        the flag’s history and the audit log.
      </p>
      {flagGroups.map((group) => {
        const inGroup = all.filter((flag) => groupOf(flag) === group.id);
        if (inGroup.length === 0) return null;
        const headingId = `flag-group-${group.id}`;
        return (
          <section key={group.id} aria-labelledby={headingId}>
            <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h2 id={headingId} className="text-xl font-semibold text-ink-950">
                {group.title}
              </h2>
              <p className="text-sm text-ink-600">
                {group.description} {inGroup.length} {inGroup.length === 1 ? 'flag' : 'flags'}.
              </p>
            </div>
            <div className="space-y-4">
              {inGroup.map((flag) => (
                <FlagCard key={flag.key} flag={flag} names={names} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
