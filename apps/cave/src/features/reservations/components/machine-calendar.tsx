import { useMemo, useState } from 'react';
import { useMachineCalendar, type CalendarRange } from '../api';
import { machineEvents } from '../calendar-events';
import { BookingCalendar, CalendarPanel, useBookingRequest } from './booking-calendar';
import { BookingDialog } from './booking-dialog';

export interface MachineCalendarProps {
  slug: string;
  machine: { slug: string; name: string; hourlyRateCents: number; currency: string };
  /** The makerspace's IANA zone: the calendar is drawn on its clock. */
  timeZone: string;
}

/**
 * A machine's day and week calendar, drawn in the makerspace's time zone: pick a free slot to
 * book it. Loaded only by the pages that show it.
 */
export default function MachineCalendar({ slug, machine, timeZone }: MachineCalendarProps) {
  const [range, setRange] = useState<CalendarRange | null>(null);
  const booking = useBookingRequest();
  const calendar = useMachineCalendar(slug, machine.slug, range);
  const events = useMemo(() => machineEvents(calendar.data), [calendar.data]);

  return (
    <CalendarPanel
      timeZone={timeZone}
      intro="Drag across free time (or tap a slot) to book it."
      onChooseTime={booking.start}
      booked={booking.booked ? `${machine.name} for ${booking.booked}` : ''}
      error={calendar.error}
      onRetry={() => void calendar.refetch()}
    >
      <BookingCalendar
        timeZone={timeZone}
        events={events}
        busy={calendar.isFetching}
        onRange={(shown) => setRange({ from: shown.startsAt, to: shown.endsAt })}
        onPick={booking.start}
      />
      <BookingDialog
        slug={slug}
        machine={machine}
        timeZone={timeZone}
        request={booking.request}
        onClose={booking.close}
        onBooked={booking.done}
      />
    </CalendarPanel>
  );
}
