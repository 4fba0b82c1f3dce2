import { Button, cx } from '@makrx/ui';
import { useState, type FormEvent } from 'react';
import { periodEnding, periodPresets, periodProblem, type Period } from '../period';

export interface PeriodPickerProps {
  period: Period;
  /** Today in the makerspace's time zone: the ready-made periods end on it. */
  today: string;
  onChange: (period: Period) => void;
}

/** The ready-made periods ending today, or any first and last day (at most a year apart). */
export function PeriodPicker({ period, today, onChange }: PeriodPickerProps) {
  const presetOf = periodPresets.find((preset) => {
    const candidate = periodEnding(today, preset.days);
    return candidate.from === period.from && candidate.to === period.to;
  });
  const [draft, setDraft] = useState<Period>(period);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found = periodProblem(draft);
    setProblem(found);
    if (!found) onChange(draft);
  };

  return (
    <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
      <div role="group" aria-label="Period" className="flex flex-wrap gap-2">
        {periodPresets.map((preset) => {
          const active = presetOf?.id === preset.id;
          return (
            <Button
              key={preset.id}
              size="sm"
              variant={active ? 'primary' : 'secondary'}
              aria-pressed={active}
              onClick={() => {
                const next = periodEnding(today, preset.days);
                setDraft(next);
                setProblem(null);
                onChange(next);
              }}
            >
              {preset.label}
            </Button>
          );
        })}
      </div>
      <form onSubmit={apply} className="flex flex-wrap items-end gap-2" noValidate>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-700">
          From
          <input
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            className="h-8 rounded-lg border-0 px-2 text-sm text-ink-900 ring-1 ring-ink-300 ring-inset focus:ring-2 focus:ring-accent-600"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-700">
          To
          <input
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            className="h-8 rounded-lg border-0 px-2 text-sm text-ink-900 ring-1 ring-ink-300 ring-inset focus:ring-2 focus:ring-accent-600"
          />
        </label>
        <Button type="submit" size="sm" variant="secondary">
          Show
        </Button>
        <p
          role="status"
          className={cx('w-full text-sm text-red-700', problem ? 'block' : 'sr-only')}
        >
          {problem ?? ''}
        </p>
      </form>
    </div>
  );
}
