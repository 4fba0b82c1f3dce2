import type { EventInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { ReservationCalendar } from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Button, CalendarIcon } from '@makrx/ui';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { makerspaceTimeZone, utcToZoned, zonedToUtc } from '../../../time-zone';
import { useMachineCalendar, type CalendarRange } from '../api';
import { BookingDialog, type BookingRequest } from './booking-dialog';
import './machine-calendar.css';

export interface MachineCalendarProps {
  slug: string;
  machine: { slug: string; name: string; hourlyRateCents: number; currency: string };
}

/** The bookings (mine, and everyone's for the makerspace's admins, named) and maintenance. */
function eventsOf(calendar: ReservationCalendar | undefined): EventInput[] {
  if (!calendar) return [];
  return [
    ...calendar.items.map((entry) => ({
      id: entry.id,
      title: entry.mine ? 'Your booking' : (entry.member?.displayName ?? 'Booked'),
      start: entry.startsAt,
      end: entry.endsAt,
      backgroundColor: entry.mine ? 'var(--makrx-accent-600)' : 'var(--color-ink-500)',
      textColor: '#fff',
    })),
    ...calendar.maintenance.map((window, index) => ({
      id: `maintenance-${index}`,
      title: 'Maintenance',
      start: window.startsAt,
      end: window.endsAt,
      display: 'background',
    })),
  ];
}

const HOUR = 3_600_000;

/** The next whole hour on the makerspace's clock, an hour long: where "Choose a time" starts. */
function nextHour(timeZone: string): BookingRequest {
  const thisHour = zonedToUtc(
    `${utcToZoned(new Date().toISOString(), timeZone).slice(0, 13)}:00`,
    timeZone,
  );
  const start = Date.parse(thisHour) + HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}

const narrowScreen = () =>
  typeof window !== 'undefined' && window.matchMedia('(max-width: 640px)').matches;

/**
 * A machine's day and week calendar (FullCalendar), drawn in the makerspace's time zone: pick a
 * free slot to book it. Loaded only by the pages that show it.
 */
export default function MachineCalendar({ slug, machine }: MachineCalendarProps) {
  const [range, setRange] = useState<CalendarRange | null>(null);
  const [request, setRequest] = useState<BookingRequest | null>(null);
  const [booked, setBooked] = useState('');
  const calendar = useMachineCalendar(slug, machine.slug, range);
  const timeZone = makerspaceTimeZone(calendar.data?.timeZone);
  const events = useMemo(() => eventsOf(calendar.data), [calendar.data]);
  const [initialView] = useState(() => (narrowScreen() ? 'timeGridDay' : 'timeGridWeek'));

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-ink-600">
          Drag across free time (or tap a slot) to book it. Times are in the makerspace’s time,{' '}
          {timeZone}.
        </p>
        <Button variant="secondary" size="sm" onClick={() => setRequest(nextHour(timeZone))}>
          <CalendarIcon />
          Choose a time
        </Button>
      </div>
      <p
        role="status"
        className={
          booked
            ? 'rounded-xl bg-cave-50 px-4 py-3 text-sm text-cave-900 ring-1 ring-cave-200 ring-inset'
            : 'sr-only'
        }
      >
        {booked ? (
          <>
            Booked {machine.name} for {booked}.{' '}
            <Link to={paths.myBookings} className="font-semibold underline">
              See my bookings
            </Link>
          </>
        ) : null}
      </p>
      {calendar.isError ? (
        <ServiceErrorState
          error={calendar.error}
          subject="the calendar"
          onRetry={() => void calendar.refetch()}
        />
      ) : null}
      <div
        className="makrx-calendar rounded-2xl border border-ink-200 bg-white p-3 shadow-card sm:p-4"
        aria-busy={calendar.isFetching}
      >
        <FullCalendar
          plugins={[timeGridPlugin, interactionPlugin, luxonPlugin]}
          timeZone={timeZone}
          initialView={initialView}
          headerToolbar={{
            left: 'prev,next today',
            center: 'title',
            right: 'timeGridDay,timeGridWeek',
          }}
          // Words rather than icon fonts, which screen readers announce as unnamed images.
          buttonIcons={false}
          buttonText={{ prev: 'Previous', next: 'Next', today: 'Today', day: 'Day', week: 'Week' }}
          firstDay={1}
          locale="en-gb"
          allDaySlot={false}
          slotMinTime="06:00:00"
          slotMaxTime="24:00:00"
          scrollTime="08:00:00"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          height="auto"
          nowIndicator
          selectable
          selectMirror
          selectOverlap={false}
          selectLongPressDelay={300}
          // Dates in callbacks are shifted for named zones; the strings carry the true offset.
          selectAllow={(span) => Date.parse(span.startStr) > Date.now()}
          select={(selection) => {
            setBooked('');
            setRequest({
              startsAt: new Date(selection.startStr).toISOString(),
              endsAt: new Date(selection.endStr).toISOString(),
            });
            selection.view.calendar.unselect();
          }}
          datesSet={(dates) =>
            setRange({
              from: new Date(dates.startStr).toISOString(),
              to: new Date(dates.endStr).toISOString(),
            })
          }
          events={events}
        />
      </div>
      <BookingDialog
        slug={slug}
        machine={machine}
        timeZone={timeZone}
        request={request}
        onClose={() => setRequest(null)}
        onBooked={(slot) => {
          setRequest(null);
          setBooked(slot);
        }}
      />
    </div>
  );
}
