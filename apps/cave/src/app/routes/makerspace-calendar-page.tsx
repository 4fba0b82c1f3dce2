import { useDocumentTitle } from '@makrx/spa-kit';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { calendarLoading } from '../../features/reservations/components/calendar-loading';
import { MakerspaceFrame } from '../makerspace-frame';

// The calendar component is large; only the calendar pages load it.
const MakerspaceCalendar = lazy(
  () => import('../../features/reservations/components/makerspace-calendar'),
);

/** Every machine of a makerspace on one day and week calendar, to see what is free and book. */
export function MakerspaceCalendarPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const space = makerspace.data;
  useDocumentTitle(space ? `Calendar · ${space.name}` : 'Calendar');
  return (
    <MakerspaceFrame slug={slug} title="Calendar">
      <MakerspaceGate slug={slug} needs="book" audience="members of this makerspace">
        {space ? (
          <Suspense fallback={calendarLoading}>
            <MakerspaceCalendar slug={slug} timeZone={space.timeZone} />
          </Suspense>
        ) : (
          calendarLoading
        )}
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
