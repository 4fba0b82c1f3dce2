import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMachine } from '../../features/equipment/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { paths } from '../../paths';
import { MakerspaceFrame } from '../makerspace-frame';

// The calendar component is large; only this page loads it.
const MachineCalendar = lazy(
  () => import('../../features/reservations/components/machine-calendar'),
);

const calendarLoading = (
  <div aria-busy="true">
    <span className="sr-only">Loading the calendar…</span>
    <Skeleton className="h-[32rem] rounded-2xl" />
  </div>
);

function CalendarContent({ slug, machineSlug }: { slug: string; machineSlug: string }) {
  const machine = useMachine(slug, machineSlug);
  if (machine.isPending) return calendarLoading;
  if (machine.isError)
    return (
      <ServiceErrorState
        error={machine.error}
        subject="this machine"
        onRetry={() => void machine.refetch()}
      />
    );
  return (
    <Suspense fallback={calendarLoading}>
      <MachineCalendar slug={slug} machine={machine.data} />
    </Suspense>
  );
}

/** A machine's day and week calendar, for booking it. */
export function MachineCalendarPage() {
  const { slug = '', machine: machineSlug = '' } = useParams();
  const machine = useMachine(slug, machineSlug);
  const name = machine.data?.name;
  useDocumentTitle(name ? `Book ${name}` : 'Book a machine');
  return (
    <MakerspaceFrame
      slug={slug}
      eyebrow={
        <Link to={paths.machine(slug, machineSlug)} className="hover:text-accent-900">
          {name ?? 'Machine'}
        </Link>
      }
      title={name ? `Book ${name}` : 'Book a machine'}
    >
      <MakerspaceGate slug={slug} needs="book" audience="members of this makerspace">
        <CalendarContent slug={slug} machineSlug={machineSlug} />
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
