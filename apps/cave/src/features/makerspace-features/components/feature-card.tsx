import type { FeatureFlagListItem } from '@makrx/contracts';
import { Badge, Button, ChevronDownIcon, cx, HistoryIcon, JustificationDialog } from '@makrx/ui';
import { useId, useState } from 'react';
import { useOverrideChange } from '../api';
import { featureName, hereStateOf, isLiveHere } from '../presentation';
import { FeatureHistory } from './feature-history';

export interface FeatureCardProps {
  flag: FeatureFlagListItem;
  space: { id: string; name: string };
}

/** One makerspace-scoped feature: on or off here, MakrX's own setting, a switch and history. */
export function FeatureCard({ flag, space }: FeatureCardProps) {
  const change = useOverrideChange();
  const [asking, setAsking] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const historyId = useId();
  const name = featureName(flag.key);
  const here = hereStateOf(flag, space.id);
  const live = isLiveHere(flag, space.id);
  const turnOn = here !== 'on';

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-2xl border border-ink-200 bg-white p-5 shadow-card sm:p-6"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold text-ink-950">
            {name}
          </h2>
          <p className="mt-2 max-w-2xl text-sm leading-6 text-ink-600">{flag.description}</p>
        </div>
        <Badge tone={live ? 'success' : 'neutral'} dot className="self-start">
          {live ? 'Live for members' : 'Not live'}
        </Badge>
      </div>

      <dl className="mt-5 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">
            Your choice for {space.name}
          </dt>
          <dd className="mt-1 text-sm font-semibold text-ink-900">
            {here === 'on' ? 'On' : here === 'off' ? 'Off' : 'Not set: follows MakrX'}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">
            MakrX setting
          </dt>
          <dd className="mt-1 text-sm text-ink-900">
            {flag.enabled ? (
              <>
                On{flag.rolloutPercentage < 100 ? `, for ${flag.rolloutPercentage}% of users` : ''}
              </>
            ) : (
              'Off across MakrX'
            )}
          </dd>
        </div>
      </dl>
      {!flag.enabled && here === 'on' ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          MakrX has this feature switched off for now, so it stays off here until a MakrX admin
          switches it on; your choice applies from then.
        </p>
      ) : null}

      <div className="mt-5 flex flex-col gap-3 border-t border-ink-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <Button
          size="sm"
          variant={turnOn ? 'primary' : 'secondary'}
          onClick={() => {
            change.reset();
            setAnnouncement('');
            setAsking(true);
          }}
        >
          <span>
            {turnOn ? 'Turn on' : 'Turn off'}
            <span className="sr-only"> {name.toLowerCase()}</span> for {space.name}
          </span>
        </Button>
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
          <span className="sr-only"> of {name}</span>
          <ChevronDownIcon className={cx('transition-transform', showHistory && 'rotate-180')} />
        </Button>
      </div>

      {showHistory ? (
        <FeatureHistory id={historyId} flagKey={flag.key} name={name} makerspaceId={space.id} />
      ) : null}

      <JustificationDialog
        open={asking}
        title={`Turn ${name.toLowerCase()} ${turnOn ? 'on' : 'off'} for ${space.name}?`}
        submitLabel={turnOn ? 'Turn on' : 'Turn off'}
        pendingLabel="Saving…"
        pending={change.isPending}
        error={change.error?.message}
        onSubmit={(justification) =>
          change.mutate(
            { key: flag.key, makerspaceId: space.id, enabled: turnOn, justification },
            {
              onSuccess: () => {
                setAsking(false);
                setAnnouncement(`${name} is now ${turnOn ? 'on' : 'off'} for ${space.name}.`);
              },
            },
          )
        }
        onCancel={() => setAsking(false)}
      >
        <p>
          {flag.description} This changes {space.name} only; other makerspaces keep their own
          choice.
        </p>
      </JustificationDialog>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </article>
  );
}
