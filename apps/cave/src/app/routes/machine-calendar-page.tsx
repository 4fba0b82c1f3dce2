import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMachine } from '../../features/equipment/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useMakerspace } from '../../features/makerspaces/api';
import { paths } from '../../paths';
import { calendarLoading } from '../../features/reservations/components/calendar-loading';
import { MakerspaceFrame } from '../makerspace-frame';

// The calendar component is large; only this page loads it.
const MachineCalendar = lazy(
  () => import('../../features/reservations/components/machine-calendar'),
);

function CalendarContent({ slug, machineSlug }: { slug: string; machineSlug: string }) {
  const machine = useMachine(slug, machineSlug);
  // The frame reads the makerspace too: the calendar is drawn in its zone.
  const timeZone = useMakerspace(slug).data?.timeZone;
  if (machine.isPending || !timeZone) return calendarLoading;
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
      <MachineCalendar slug={slug} machine={machine.data} timeZone={timeZone} />
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
