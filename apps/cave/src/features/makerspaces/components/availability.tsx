import { cx } from '@makrx/ui';

export function AvailableNow({ available, total }: { available: number; total: number }) {
  const hasFree = available > 0;
  return (
    <p className="flex items-center gap-2 text-sm">
      <span className="relative flex size-2.5" aria-hidden="true">
        {hasFree ? (
          <span className="absolute inline-flex size-full rounded-full bg-emerald-400 opacity-60 motion-safe:animate-ping" />
        ) : null}
        <span
          className={cx(
            'relative inline-flex size-2.5 rounded-full',
            hasFree ? 'bg-emerald-500' : 'bg-ink-400',
          )}
        />
      </span>
      <span className={cx('font-semibold', hasFree ? 'text-emerald-800' : 'text-ink-600')}>
        {hasFree ? `${available} available now` : 'None available right now'}
      </span>
      <span className="text-ink-600">
        · {total} {total === 1 ? 'machine' : 'machines'}
      </span>
    </p>
  );
}
