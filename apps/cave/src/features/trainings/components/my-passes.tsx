import { ServiceErrorState } from '@makrx/spa-kit';
import { Badge, Skeleton } from '@makrx/ui';
import { useMyTrainings } from '../api';
import { passState } from '../presentation';

/** The passes I hold in this makerspace: what I may book. */
export function MyPasses({ slug, timeZone }: { slug: string; timeZone: string }) {
  const mine = useMyTrainings();
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  if (mine.isPending)
    return (
      <div aria-busy="true">
        <span className="sr-only">Loading your passes…</span>
        <Skeleton className="h-12 rounded-xl" />
      </div>
    );
  if (mine.isError)
    return (
      <ServiceErrorState
        error={mine.error}
        subject="your passes"
        onRetry={() => void mine.refetch()}
      />
    );
  const passes = mine.data.passes.filter((pass) => pass.makerspace.slug === slug);
  if (passes.length === 0)
    return (
      <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
        You hold no pass here yet. Sign up for a session below; once an admin records that you
        passed, you can book the machines it opens.
      </p>
    );
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {passes.map((pass) => {
        const state = passState(pass);
        return (
          <li
            key={pass.id}
            className="flex items-start justify-between gap-3 rounded-xl border border-ink-200 bg-white p-4"
          >
            <div className="min-w-0">
              <p className="font-medium text-ink-950">{pass.training.name}</p>
              <p className="mt-0.5 text-sm text-ink-600">
                Passed {day.format(new Date(pass.passedAt))}
                {pass.expiresAt ? ` · until ${day.format(new Date(pass.expiresAt))}` : ''}
              </p>
            </div>
            <Badge tone={state.tone}>{state.label}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
