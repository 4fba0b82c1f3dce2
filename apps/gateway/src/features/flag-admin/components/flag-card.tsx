import type { FeatureFlagListItem } from '@makrx/contracts';
import { Badge, Button, ChevronDownIcon, cx, HistoryIcon, LockIcon } from '@makrx/ui';
import { useId, useState, type ReactNode } from 'react';
import { useFlagChange, useOverrideChange, type FlagChange, type OverrideChange } from '../api';
import {
  audienceOf,
  flagStates,
  makerspaceName,
  scopeLabels,
  stateOf,
  type MakerspaceNames,
} from '../presentation';
import { FlagChangeDialog, type FlagIntent } from './flag-change-dialog';
import { FlagHistory } from './flag-history';
import { MakerspaceOverrideDialog } from './makerspace-override-dialog';

const changedAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">{term}</dt>
      <dd className="mt-1 text-sm text-ink-900">{children}</dd>
    </div>
  );
}

function Chips({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <span className="text-ink-600">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li
          key={item}
          className="rounded-full bg-ink-100 px-2 py-0.5 font-mono text-xs text-ink-800 ring-1 ring-ink-200 ring-inset"
        >
          {item}
        </li>
      ))}
    </ul>
  );
}

function Overrides({ flag, names }: { flag: FeatureFlagListItem; names: MakerspaceNames }) {
  const entries = Object.entries(flag.makerspaceOverrides);
  if (flag.scope !== 'makerspace') return <span className="text-ink-600">Not per makerspace</span>;
  if (entries.length === 0) return <span className="text-ink-600">None yet</span>;
  return (
    <ul className="space-y-0.5">
      {entries.map(([id, enabled]) => (
        <li key={id}>
          {makerspaceName(names, id)}:{' '}
          <strong className={cx('font-semibold', enabled ? 'text-emerald-700' : 'text-ink-700')}>
            {enabled ? 'on' : 'off'}
          </strong>
        </li>
      ))}
    </ul>
  );
}

const stateTone = { on: 'success', partial: 'warning', off: 'neutral' } as const;

/**
 * One flag as a compact row (name, what it switches, the key beneath, its state); its details,
 * the controls the caller may use and its history open beneath it.
 */
export function FlagCard({ flag, names }: { flag: FeatureFlagListItem; names: MakerspaceNames }) {
  const change = useFlagChange();
  const override = useOverrideChange();
  const [settingOverride, setSettingOverride] = useState(false);
  const [intent, setIntent] = useState<FlagIntent | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [showDetails, setShowDetails] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const historyId = useId();
  const detailsId = useId();
  const state = stateOf(flag);
  const mayEdit = flag.mayPropose || flag.mayChangeAtOnce;

  const open = (next: FlagIntent) => {
    change.reset();
    setAnnouncement('');
    setIntent(next);
  };
  const submit = (request: FlagChange) =>
    change.mutate(request, {
      onSuccess: (outcome) => {
        setIntent(null);
        setAnnouncement(
          outcome.kind === 'applied'
            ? `Emergency change applied: ${flag.name} is ${outcome.flag.enabled ? 'on' : 'off'} for ${audienceOf(outcome.flag).toLowerCase()}.`
            : `Change proposed; it affects about ${outcome.proposal.affectedUsers} of ${outcome.proposal.audienceUsers} users and waits for another admin’s approval.`,
        );
      },
    });

  const submitOverride = (request: OverrideChange) =>
    override.mutate(request, {
      onSuccess: () => {
        setSettingOverride(false);
        setAnnouncement(
          `${flag.name} is now ${request.enabled ? 'on' : 'off'} for ${makerspaceName(names, request.makerspaceId)}.`,
        );
      },
    });

  const targetedSpaces = (flag.targeting.makerspaceIds ?? []).map((id) =>
    makerspaceName(names, id),
  );

  return (
    <article aria-labelledby={headingId} className="px-4 py-3 sm:px-5">
      {/* Phone: name and state on top, the text beneath at full width, Details below it. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 sm:grid-cols-[minmax(0,1fr)_auto_auto]">
        <div className="min-w-0">
          <h3 id={headingId} className="text-sm font-semibold text-ink-950">
            {flag.name}
          </h3>
          <p className="mt-0.5 text-sm leading-6 text-ink-600">{flag.description}</p>
          <p className="mt-0.5 font-mono text-xs break-all text-ink-500">{flag.key}</p>
        </div>
        <Badge tone={stateTone[state]} dot className="mt-0.5 sm:mt-1">
          {flagStates.find((s) => s.id === state)!.label}
        </Badge>
        <Button
          size="sm"
          variant="ghost"
          className="col-span-2 -ml-2 justify-self-start sm:col-span-1 sm:ml-0"
          aria-expanded={showDetails}
          aria-controls={showDetails ? detailsId : undefined}
          onClick={() => setShowDetails((shown) => !shown)}
        >
          Details<span className="sr-only"> of {flag.name}</span>
          <ChevronDownIcon className={cx('transition-transform', showDetails && 'rotate-180')} />
        </Button>
      </div>
      {announcement ? (
        <p className="mt-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200 ring-inset">
          {announcement}
        </p>
      ) : null}

      {showDetails ? (
        <div
          id={detailsId}
          className="mt-3 rounded-xl bg-ink-50 p-4 ring-1 ring-ink-100 ring-inset"
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-500">
            <Badge tone="info">{scopeLabels[flag.scope]}</Badge>
            <span>
              {flag.updatedBy === null ? (
                'Unchanged since MakrX was set up'
              ) : (
                <>
                  Last changed{' '}
                  <time dateTime={flag.updatedAt}>
                    {changedAt.format(new Date(flag.updatedAt))}
                  </time>
                </>
              )}
            </span>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Fact term="Rollout">
              {flag.rolloutPercentage}% <span className="text-ink-600">of users</span>
            </Fact>
            <Fact term="Roles">
              <Chips items={flag.targeting.roles ?? []} empty="Everyone" />
            </Fact>
            <Fact term="Makerspaces">
              <Chips items={targetedSpaces} empty="All" />
            </Fact>
            <Fact term="Makerspace overrides">
              <Overrides flag={flag} names={names} />
            </Fact>
          </dl>

          <div className="mt-4 flex flex-col gap-3 border-t border-ink-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
            {mayEdit ? (
              <div className="flex flex-wrap gap-2">
                <Button
                  size="sm"
                  variant={flag.enabled ? 'secondary' : 'primary'}
                  onClick={() => open('toggle')}
                >
                  {flag.enabled ? 'Turn off' : 'Turn on'}
                  <span className="sr-only"> {flag.name}</span>
                </Button>
                <Button size="sm" variant="secondary" onClick={() => open('rollout')}>
                  Set rollout<span className="sr-only"> of {flag.name}</span>
                </Button>
                <Button size="sm" variant="secondary" onClick={() => open('roles')}>
                  Edit roles<span className="sr-only"> of {flag.name}</span>
                </Button>
                {flag.mayChange && flag.scope === 'makerspace' ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      override.reset();
                      setAnnouncement('');
                      setSettingOverride(true);
                    }}
                  >
                    Set<span className="sr-only"> {flag.name}</span> for a makerspace
                  </Button>
                ) : null}
              </div>
            ) : (
              <p className="flex items-start gap-2 text-sm text-ink-600">
                <LockIcon className="mt-0.5 size-4 shrink-0 text-ink-500" />
                <span>
                  <strong className="font-semibold text-ink-800">Read only.</strong>{' '}
                  {flag.readOnlyReason}
                </span>
              </p>
            )}
            <Button
              size="sm"
              variant="ghost"
              className="self-start sm:self-auto"
              aria-expanded={showHistory}
              aria-controls={showHistory ? historyId : undefined}
              onClick={() => setShowHistory((shown) => !shown)}
            >
              <HistoryIcon />
              {showHistory ? 'Hide history' : 'History'}
              <span className="sr-only"> of {flag.name}</span>
              <ChevronDownIcon
                className={cx('transition-transform', showHistory && 'rotate-180')}
              />
            </Button>
          </div>

          {showHistory ? <FlagHistory id={historyId} flag={flag} names={names} /> : null}
        </div>
      ) : null}

      {mayEdit ? (
        <FlagChangeDialog
          flag={flag}
          intent={intent}
          pending={change.isPending}
          error={change.error?.message}
          onSubmit={submit}
          onCancel={() => setIntent(null)}
        />
      ) : null}
      {flag.mayChange && flag.scope === 'makerspace' ? (
        <MakerspaceOverrideDialog
          flag={flag}
          open={settingOverride}
          names={names}
          pending={override.isPending}
          error={override.error?.message}
          onSubmit={submitOverride}
          onCancel={() => setSettingOverride(false)}
        />
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </article>
  );
}
