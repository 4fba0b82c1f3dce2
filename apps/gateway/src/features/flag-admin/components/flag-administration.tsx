import type { FeatureFlagListItem } from '@makrx/contracts';
import { ApiError, ServiceErrorState, useSession } from '@makrx/spa-kit';
import { cx, inputClasses, SearchIcon, Skeleton } from '@makrx/ui';
import { useId, useState } from 'react';
import { useFlags, useMakerspaceNames } from '../api';
import {
  flagGroups,
  flagStates,
  groupOf,
  matchesSearch,
  stateOf,
  type FlagState,
} from '../presentation';
import { FlagCard } from './flag-card';
import { OnlyAdmins, SignInToManageFlags } from './flag-admin-gate';
import { OpenProposals } from './open-proposals';

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

/** "You can propose changes to 9 of the 17 flags." — a domain admin's share at a glance. */
function summaryOf(flags: FeatureFlagListItem[]): string {
  if (flags.some((flag) => flag.mayChangeAtOnce))
    return `You can propose changes to all ${flags.length} flags, approve other admins’ proposals, and apply an emergency change at once.`;
  const proposable = flags.filter((flag) => flag.mayPropose).length;
  if (proposable === 0) return `All ${flags.length} flags are read-only for you.`;
  return `You can propose changes to ${proposable} of the ${flags.length} flags; another admin who may change a flag approves it.`;
}

type StateFilter = FlagState | 'all';

/** Every flag, grouped as the spec lists them, each with its controls and history. */
export function FlagAdministration() {
  const flags = useFlags();
  const names = useMakerspaceNames();
  const session = useSession();
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const searchId = useId();

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
  const shown = all.filter(
    (flag) =>
      matchesSearch(flag, search) && (stateFilter === 'all' || stateOf(flag) === stateFilter),
  );
  const filters: { id: StateFilter; label: string }[] = [
    { id: 'all', label: 'All' },
    ...flagStates,
  ];
  return (
    <div className="space-y-8">
      <p className="rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200 ring-inset">
        {summaryOf(all)} Every change needs a reason and is kept in the flag’s history and the audit
        log.
      </p>
      <OpenProposals names={names} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="w-full sm:max-w-sm">
          <label htmlFor={searchId} className="block text-sm font-semibold text-ink-900">
            Search flags
          </label>
          <div className="relative mt-1">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-500" />
            <input
              id={searchId}
              type="search"
              value={search}
              placeholder="Name, description or key"
              onChange={(event) => setSearch(event.target.value)}
              className={cx(inputClasses, 'pl-9')}
            />
          </div>
        </div>
        <div role="group" aria-label="Show flags that are" className="flex flex-wrap gap-1.5">
          {filters.map((filter) => {
            const count =
              filter.id === 'all'
                ? all.length
                : all.filter((flag) => stateOf(flag) === filter.id).length;
            return (
              <button
                key={filter.id}
                type="button"
                aria-pressed={stateFilter === filter.id}
                onClick={() => setStateFilter(filter.id)}
                className={cx(
                  'rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset',
                  stateFilter === filter.id
                    ? 'bg-ink-900 text-white ring-ink-900'
                    : 'bg-white text-ink-700 ring-ink-200 hover:bg-ink-50',
                )}
              >
                {filter.label} <span className="font-normal">{count}</span>
              </button>
            );
          })}
        </div>
      </div>
      <p role="status" className="text-sm text-ink-600">
        {shown.length === all.length
          ? `${all.length} flags`
          : `${shown.length} of ${all.length} flags match`}
      </p>
      {shown.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-ink-300 px-6 py-10 text-center">
          <p className="font-semibold text-ink-900">No flag matches “{search}”.</p>
          <p className="mt-1 text-sm text-ink-600">
            Try another word from its name or description, or clear the filters.
          </p>
        </div>
      ) : null}
      {flagGroups.map((group) => {
        const inGroup = shown.filter((flag) => groupOf(flag) === group.id);
        if (inGroup.length === 0) return null;
        const headingId = `flag-group-${group.id}`;
        return (
          <section key={group.id} aria-labelledby={headingId}>
            <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h2 id={headingId} className="text-lg font-semibold text-ink-950">
                {group.title}
              </h2>
              <p className="text-sm text-ink-600">
                {group.description} {inGroup.length} {inGroup.length === 1 ? 'flag' : 'flags'}.
              </p>
            </div>
            <ul className="divide-y divide-ink-100 overflow-hidden rounded-2xl border border-ink-200 bg-white shadow-card">
              {inGroup.map((flag) => (
                <li key={flag.key}>
                  <FlagCard flag={flag} names={names} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
