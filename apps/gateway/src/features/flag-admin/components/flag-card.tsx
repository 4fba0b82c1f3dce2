import type { FeatureFlagListItem } from '@makrx/contracts';
import { Badge, Button, ChevronDownIcon, cx, HistoryIcon, LockIcon } from '@makrx/ui';
import { useId, useState, type ReactNode } from 'react';
import { useFlagChange, useOverrideChange, type FlagChange, type OverrideChange } from '../api';
import { audienceOf, makerspaceName, scopeLabels, type MakerspaceNames } from '../presentation';
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

/** One flag: its state, who it reaches, the controls the caller may use, and its history. */
export function FlagCard({ flag, names }: { flag: FeatureFlagListItem; names: MakerspaceNames }) {
  const change = useFlagChange();
  const override = useOverrideChange();
  const [settingOverride, setSettingOverride] = useState(false);
  const [intent, setIntent] = useState<FlagIntent | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const historyId = useId();

  const open = (next: FlagIntent) => {
    change.reset();
    setAnnouncement('');
    setIntent(next);
  };
  const submit = (request: FlagChange) =>
    change.mutate(request, {
      onSuccess: (saved) => {
        setIntent(null);
        setAnnouncement(
          `${saved.key} saved: ${saved.enabled ? 'on' : 'off'}, ${audienceOf(saved).toLowerCase()}.`,
        );
      },
    });

  const submitOverride = (request: OverrideChange) =>
    override.mutate(request, {
      onSuccess: () => {
        setSettingOverride(false);
        setAnnouncement(
          `${request.key} is now ${request.enabled ? 'on' : 'off'} for ${makerspaceName(names, request.makerspaceId)}.`,
        );
      },
    });

  const targetedSpaces = (flag.targeting.makerspaceIds ?? []).map((id) =>
    makerspaceName(names, id),
  );

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-2xl border border-ink-200 bg-white p-5 shadow-card sm:p-6"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 id={headingId} className="font-mono text-sm font-semibold break-all text-ink-950">
            {flag.key}
          </h3>
          <p className="mt-1.5 max-w-2xl text-sm leading-6 text-ink-600">{flag.description}</p>
          <p className="mt-1 text-xs text-ink-500">
            {flag.updatedBy === null ? (
              'Unchanged since MakrX was set up'
            ) : (
              <>
                Last changed{' '}
                <time dateTime={flag.updatedAt}>{changedAt.format(new Date(flag.updatedAt))}</time>
              </>
            )}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-1.5 sm:justify-end">
          <Badge tone={flag.enabled ? 'success' : 'neutral'} dot>
            {flag.enabled ? 'On' : 'Off'}
          </Badge>
          <Badge tone="info">{scopeLabels[flag.scope]}</Badge>
        </div>
      </div>

      <dl className="mt-5 grid grid-cols-2 gap-4 lg:grid-cols-4">
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

      <div className="mt-5 flex flex-col gap-3 border-t border-ink-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        {flag.mayChange ? (
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant={flag.enabled ? 'secondary' : 'primary'}
              onClick={() => open('toggle')}
            >
              {flag.enabled ? 'Turn off' : 'Turn on'}
              <span className="sr-only"> {flag.key}</span>
            </Button>
            <Button size="sm" variant="secondary" onClick={() => open('rollout')}>
              Set rollout<span className="sr-only"> of {flag.key}</span>
            </Button>
            <Button size="sm" variant="secondary" onClick={() => open('roles')}>
              Edit roles<span className="sr-only"> of {flag.key}</span>
            </Button>
            {flag.scope === 'makerspace' ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  override.reset();
                  setAnnouncement('');
                  setSettingOverride(true);
                }}
              >
                Set<span className="sr-only"> {flag.key}</span> for a makerspace
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
          <span className="sr-only"> of {flag.key}</span>
          <ChevronDownIcon className={cx('transition-transform', showHistory && 'rotate-180')} />
        </Button>
      </div>

      {showHistory ? <FlagHistory id={historyId} flagKey={flag.key} names={names} /> : null}

      {flag.mayChange ? (
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
