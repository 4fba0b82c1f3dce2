import type { EventApi, EventInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Button, CalendarIcon } from '@makrx/ui';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { nextHour, spanOf, type Span } from '../calendar-events';
import './machine-calendar.css';

/** A phone's width: the calendars open on a day rather than a week there. */
export const narrowScreen = () =>
  typeof window !== 'undefined' && window.matchMedia('(max-width: 640px)').matches;

export interface BookingCalendarProps {
  timeZone: string;
  events: EventInput[];
  busy: boolean;
  /** The instants the calendar shows, whenever the view or its dates change. */
  onRange: (range: Span) => void;
  /** A free slot picked (dragged across, or tapped): what to book. */
  onPick: (slot: Span) => void;
  /** Whether a pick may lie over an event; by default it may lie over none. */
  pickOverlaps?: (event: EventApi) => boolean;
}

/**
 * The day and week calendar the machine and makerspace calendars share (FullCalendar's time
 * grid), drawn in the makerspace's time zone with its Monday-first 24-hour clock. Only the pages
 * that show a calendar load it.
 */
export function BookingCalendar({
  timeZone,
  events,
  busy,
  onRange,
  onPick,
  pickOverlaps,
}: BookingCalendarProps) {
  const [initialView] = useState(() => (narrowScreen() ? 'timeGridDay' : 'timeGridWeek'));
  return (
    <div
      className="makrx-calendar rounded-2xl border border-ink-200 bg-white p-3 shadow-card sm:p-4"
      aria-busy={busy}
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
        selectOverlap={pickOverlaps ?? false}
        selectLongPressDelay={300}
        selectAllow={(span) => Date.parse(span.startStr) > Date.now()}
        select={(selection) => {
          onPick(spanOf(selection));
          selection.view.calendar.unselect();
        }}
        datesSet={(dates) => onRange(spanOf(dates))}
        events={events}
      />
    </div>
  );
}

/** The slot being booked (the dialog is open while there is one) and what was last booked. */
export function useBookingRequest() {
  const [request, setRequest] = useState<Span | null>(null);
  const [booked, setBooked] = useState('');
  return {
    request,
    booked,
    start: (slot: Span) => {
      setBooked('');
      setRequest(slot);
    },
    close: () => setRequest(null),
    done: (what: string) => {
      setRequest(null);
      setBooked(what);
    },
  };
}

export interface CalendarPanelProps {
  timeZone: string;
  /** What the calendar shows and how to book from it, before "Times are in …". */
  intro: string;
  /** Opens the booking dialog at the next hour; absent when nothing can be booked. */
  onChooseTime?: (slot: Span) => void;
  /** What was just booked: "Prusa MK4 #1 for Mon 7 Dec, 10:00–11:00". */
  booked: string;
  /** The calendar's answer failed: said, with a retry. */
  error: Error | null;
  onRetry: () => void;
  /** Above the calendar: filters and legend. */
  controls?: ReactNode;
  children: ReactNode;
}

/** What stands around a booking calendar: how to use it, "Choose a time", what was booked. */
export function CalendarPanel({
  timeZone,
  intro,
  onChooseTime,
  booked,
  error,
  onRetry,
  controls,
  children,
}: CalendarPanelProps) {
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-2xl text-sm text-ink-600">
          {intro} Times are in the makerspace’s time, {timeZone}.
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={!onChooseTime}
          onClick={() => onChooseTime?.(nextHour(timeZone))}
        >
          <CalendarIcon />
          Choose a time
        </Button>
      </div>
      {controls}
      <BookedNotice booked={booked} />
      {error ? <ServiceErrorState error={error} subject="the calendar" onRetry={onRetry} /> : null}
      {children}
    </div>
  );
}

/** Says, to screen readers at once, what was just booked, with the way to my bookings. */
function BookedNotice({ booked }: { booked: string }) {
  return (
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
          Booked {booked}.{' '}
          <Link to={paths.myBookings} className="font-semibold underline">
            See my bookings
          </Link>
        </>
      ) : null}
    </p>
  );
}
