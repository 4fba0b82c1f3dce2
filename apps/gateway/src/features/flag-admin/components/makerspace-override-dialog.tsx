import type { FeatureFlagListItem } from '@makrx/contracts';
import { JustificationDialog } from '@makrx/ui';
import { useEffect, useId, useState } from 'react';
import type { OverrideChange } from '../api';
import type { MakerspaceNames } from '../presentation';

export interface MakerspaceOverrideDialogProps {
  flag: FeatureFlagListItem;
  open: boolean;
  names: MakerspaceNames;
  pending: boolean;
  error: string | undefined;
  onSubmit: (change: OverrideChange) => void;
  onCancel: () => void;
}

/** Turns a makerspace-scoped flag on or off for one makerspace, with the reason. */
export function MakerspaceOverrideDialog({
  flag,
  open,
  names,
  pending,
  error,
  onSubmit,
  onCancel,
}: MakerspaceOverrideDialogProps) {
  const spaces = [...names].sort((a, b) => a[1].localeCompare(b[1]));
  const [makerspaceId, setMakerspaceId] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [unpicked, setUnpicked] = useState(false);
  const pickerId = useId();
  const pickerErrorId = useId();

  useEffect(() => {
    if (!open) return;
    setMakerspaceId('');
    setEnabled(true);
    setUnpicked(false);
  }, [open]);

  const current = makerspaceId ? flag.makerspaceOverrides[makerspaceId] : undefined;

  return (
    <JustificationDialog
      open={open}
      title={`Set “${flag.name}” for one makerspace`}
      submitLabel="Save change"
      pendingLabel="Saving…"
      pending={pending}
      error={error}
      onSubmit={(justification) => {
        if (!makerspaceId) {
          setUnpicked(true);
          return;
        }
        onSubmit({ key: flag.key, makerspaceId, enabled, justification });
      }}
      onCancel={onCancel}
    >
      <p>
        The makerspace’s own setting wins over rollout and targeting while the flag is on. Its
        admins can change it again from MakrCave.
      </p>
      <div>
        <label htmlFor={pickerId} className="block text-sm font-semibold text-ink-900">
          Makerspace
        </label>
        <select
          id={pickerId}
          data-autofocus
          value={makerspaceId}
          aria-invalid={unpicked || undefined}
          aria-describedby={unpicked ? pickerErrorId : undefined}
          onChange={(event) => {
            setMakerspaceId(event.target.value);
            setUnpicked(false);
          }}
          className="mt-2 block h-10 w-full rounded-lg border border-ink-300 bg-white px-3 text-sm text-ink-900 shadow-sm"
        >
          <option value="" disabled>
            Choose a makerspace…
          </option>
          {spaces.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        {unpicked ? (
          <p id={pickerErrorId} role="alert" className="mt-1.5 text-sm text-red-700">
            Choose the makerspace to change.
          </p>
        ) : makerspaceId ? (
          <p className="mt-1.5 text-sm text-ink-600">
            Now: {current === undefined ? 'follows the flag' : current ? 'on' : 'off'}.
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-sm font-semibold text-ink-900">For that makerspace</legend>
        <div className="mt-2 flex gap-6">
          {[true, false].map((value) => (
            <label key={String(value)} className="flex items-center gap-2 text-sm text-ink-800">
              <input
                type="radio"
                name={`${pickerId}-state`}
                checked={enabled === value}
                onChange={() => setEnabled(value)}
                className="size-4 accent-accent-600"
              />
              {value ? 'On' : 'Off'}
            </label>
          ))}
        </div>
      </fieldset>
    </JustificationDialog>
  );
}
