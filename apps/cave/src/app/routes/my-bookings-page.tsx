import { ServiceErrorState, useDocumentTitle, useSession } from '@makrx/spa-kit';
import {
  Button,
  buttonClasses,
  CalendarIcon,
  Container,
  EmptyState,
  LockIcon,
  SectionHeader,
  Skeleton,
} from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useMyBookings } from '../../features/reservations/api';
import { BookingList } from '../../features/reservations/components/booking-list';
import { splitBookings } from '../../features/reservations/presentation';
import { paths } from '../../paths';

function Bookings() {
  const bookings = useMyBookings();
  if (bookings.isPending)
    return (
      <div aria-busy="true" className="space-y-3">
        <span className="sr-only">Loading your bookings…</span>
        <Skeleton className="h-24 rounded-2xl" />
        <Skeleton className="h-24 rounded-2xl" />
      </div>
    );
  if (bookings.isError)
    return (
      <ServiceErrorState
        error={bookings.error}
        subject="your bookings"
        onRetry={() => void bookings.refetch()}
      />
    );
  const now = new Date(bookings.dataUpdatedAt);
  const { upcoming, past } = splitBookings(bookings.data, now);
  if (bookings.data.length === 0)
    return (
      <EmptyState
        icon={<CalendarIcon />}
        title="No bookings yet"
        description="Open one of your makerspaces, pick a machine and choose a free slot on its calendar."
        action={
          <Link to={paths.home} className={buttonClasses({ variant: 'secondary' })}>
            Your makerspaces
          </Link>
        }
      />
    );
  return (
    <div className="space-y-10">
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="text-xl font-semibold text-ink-950">
          Upcoming
        </h2>
        <div className="mt-4">
          {upcoming.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
              Nothing booked ahead. Your past bookings are below.
            </p>
          ) : (
            <BookingList bookings={upcoming} now={now} label="Upcoming bookings" />
          )}
        </div>
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="text-xl font-semibold text-ink-950">
            Past and cancelled
          </h2>
          <div className="mt-4">
            <BookingList bookings={past} now={now} label="Past and cancelled bookings" />
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Every booking of mine, in every makerspace: cancel, check in, check out. */
export function MyBookingsPage() {
  useDocumentTitle('My bookings');
  const session = useSession();
  return (
    <Container className="py-8 sm:py-12">
      <SectionHeader
        titleAs="h1"
        title="My bookings"
        description="Machine time you booked in every makerspace. Check in when you arrive (from 15 minutes before), and out when you are done."
      />
      <div className="mt-8">
        {session.status === 'signed-in' ? (
          <Bookings />
        ) : session.status === 'signed-out' ? (
          <EmptyState
            icon={<LockIcon />}
            title="Sign in to see your bookings"
            action={<Button onClick={session.signIn}>Sign in</Button>}
          />
        ) : null}
      </div>
    </Container>
  );
}
