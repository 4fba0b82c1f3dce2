import type { FeatureFlagListItem } from '@makrx/contracts';
import { JustificationDialog } from '@makrx/ui';
import { useEffect, useId, useState } from 'react';
import type { FlagChange } from '../api';
import { audienceOf, targetableRoles } from '../presentation';

export type FlagIntent = 'toggle' | 'rollout' | 'roles';

export interface FlagChangeDialogProps {
  flag: FeatureFlagListItem;
  intent: FlagIntent | null;
  pending: boolean;
  error: string | undefined;
  onSubmit: (change: FlagChange) => void;
  onCancel: () => void;
}

const fieldClasses =
  'block h-10 w-28 rounded-lg border border-ink-300 bg-white px-3 text-sm text-ink-900 shadow-sm';

/** The change an admin asked for, its own fields, and the reason the service requires. */
export function FlagChangeDialog({
  flag,
  intent,
  pending,
  error,
  onSubmit,
  onCancel,
}: FlagChangeDialogProps) {
  const [rollout, setRollout] = useState(String(flag.rolloutPercentage));
  const [roles, setRoles] = useState<string[]>(flag.targeting.roles ?? []);
  const [rolloutRefused, setRolloutRefused] = useState(false);
  // Admins propose; a super admin may instead apply it at once, as a marked emergency.
  const [emergency, setEmergency] = useState(false);
  const emergencyId = useId();
  const rolloutId = useId();
  const rolloutHintId = useId();

  // Each time the dialog opens it starts from what the flag holds now.
  useEffect(() => {
    if (intent === null) return;
    setRollout(String(flag.rolloutPercentage));
    setRoles(flag.targeting.roles ?? []);
    setRolloutRefused(false);
    setEmergency(false);
  }, [intent, flag.rolloutPercentage, flag.targeting.roles]);

  const percentage = Number(rollout);
  const rolloutValid =
    rollout !== '' && Number.isInteger(percentage) && percentage >= 0 && percentage <= 100;
  const turningOn = !flag.enabled;

  const title =
    intent === 'toggle'
      ? `Turn “${flag.name}” ${turningOn ? 'on' : 'off'}`
      : intent === 'rollout'
        ? `Change the rollout of “${flag.name}”`
        : `Change who “${flag.name}” is for`;
  const submitLabel = emergency ? 'Apply now (emergency)' : 'Propose change';

  const submit = (justification: string) => {
    const base = { key: flag.key, justification, emergency };
    if (intent === 'toggle') onSubmit({ ...base, enabled: turningOn });
    if (intent === 'rollout') {
      setRolloutRefused(!rolloutValid);
      if (rolloutValid) onSubmit({ ...base, rolloutPercentage: percentage });
    }
    if (intent === 'roles')
      onSubmit({
        ...base,
        targeting: { ...flag.targeting, roles: targetableRoles.filter((r) => roles.includes(r)) },
      });
  };

  return (
    <JustificationDialog
      open={intent !== null}
      title={title}
      submitLabel={submitLabel}
      pendingLabel={emergency ? 'Applying…' : 'Proposing…'}
      pending={pending}
      error={rolloutRefused ? 'Choose a whole percentage from 0 to 100.' : error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
        {emergency
          ? 'An emergency change takes effect at once, without approval, and is marked as an emergency in the history.'
          : 'This proposes the change. Another admin who may change this flag approves or rejects it; nothing changes until then. The number of users it affects is counted when you propose.'}
      </p>
      {intent === 'toggle' ? (
        <p>
          {turningOn ? (
            <>
              {flag.description} Once applied it reaches{' '}
              <strong className="text-ink-900">{audienceOf(flag).toLowerCase()}</strong> within a
              few seconds, without anyone reloading.
            </>
          ) : (
            <>
              {flag.description} Once applied it is{' '}
              <strong className="text-ink-900">off for everyone</strong> within a few seconds,
              makerspace overrides included.
            </>
          )}
        </p>
      ) : null}
      {intent === 'rollout' ? (
        <div>
          <p>
            Users are bucketed by account, so raising the percentage only ever adds people; guests
            count only at 100%.
          </p>
          <label htmlFor={rolloutId} className="mt-4 block text-sm font-semibold text-ink-900">
            Percentage of users
          </label>
          <p id={rolloutHintId} className="mt-1 text-sm text-ink-600">
            Now {flag.rolloutPercentage}%. From 0 to 100.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <input
              id={rolloutId}
              data-autofocus
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={rollout}
              aria-describedby={rolloutHintId}
              onChange={(event) => {
                setRollout(event.target.value);
                setRolloutRefused(false);
              }}
              className={fieldClasses}
            />
            <span aria-hidden="true" className="text-ink-600">
              %
            </span>
          </div>
        </div>
      ) : null}
      {intent === 'roles' ? (
        <fieldset>
          <legend className="text-sm font-semibold text-ink-900">Only for these roles</legend>
          <p className="mt-1 text-sm text-ink-600">None ticked: everyone.</p>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2">
            {targetableRoles.map((role, index) => (
              <label key={role} className="flex items-center gap-2 text-sm text-ink-800">
                <input
                  type="checkbox"
                  data-autofocus={index === 0 ? true : undefined}
                  checked={roles.includes(role)}
                  onChange={(event) =>
                    setRoles((held) =>
                      event.target.checked ? [...held, role] : held.filter((r) => r !== role),
                    )
                  }
                  className="size-4 rounded border-ink-300 accent-accent-600"
                />
                <span className="font-mono text-xs">{role}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {flag.mayChangeAtOnce ? (
        <label
          htmlFor={emergencyId}
          className="mt-4 flex items-start gap-2 rounded-lg px-1 py-1 text-sm text-ink-800"
        >
          <input
            id={emergencyId}
            type="checkbox"
            checked={emergency}
            onChange={(event) => setEmergency(event.target.checked)}
            className="mt-0.5 size-4 rounded border-ink-300 accent-red-600"
          />
          <span>
            <strong className="font-semibold text-ink-900">Emergency change:</strong> apply it now,
            without another admin’s approval (super admins only).
          </span>
        </label>
      ) : null}
    </JustificationDialog>
  );
}
