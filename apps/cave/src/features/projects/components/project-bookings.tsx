import { CalendarIcon, Card } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useProjectBookings } from '../api';

const statusWords = {
  booked: 'Booked',
  checked_in: 'In use',
  completed: 'Used',
  cancelled: 'Cancelled',
  no_show: 'Missed',
} as const;

const when = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString('en', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });

/** The machine time booked for a project; nothing while there is none. */
export function ProjectBookings({ slug }: { slug: string }) {
  const bookings = useProjectBookings(slug);
  const items = bookings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="bookings-heading">
      <h2 id="bookings-heading" className="text-xl font-semibold text-ink-950">
        Machine time
      </h2>
      <Card className="mt-4 p-5 sm:p-6">
        <ul aria-label="Bookings for this project" className="divide-y divide-ink-100">
          {items.map((booking) => (
            <li key={booking.id} className="flex flex-wrap items-center gap-3 py-3 text-sm">
              <CalendarIcon className="size-4 text-ink-500" aria-hidden="true" />
              <span className="min-w-0 flex-1">
                <Link
                  to={`/makerspaces/${booking.makerspace.slug}/equipment/${booking.machine.slug}`}
                  className="font-medium text-accent-700 hover:text-accent-900"
                >
                  {booking.machine.name}
                </Link>{' '}
                at {booking.makerspace.name}, {when(booking.startsAt, booking.makerspace.timeZone)}
              </span>
              <span className="text-ink-600">{statusWords[booking.status]}</span>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
