import type { Reservation } from '@makrx/contracts';
import { Badge, Button, ConfirmDialog } from '@makrx/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { useBookingStep, type BookingStep } from '../api';
import { bookingActions, bookingStatusDisplay, formatDuration, formatSlot } from '../presentation';

const stepNames: Record<BookingStep, string> = {
  cancel: 'Cancel',
  'check-in': 'Check in',
  'check-out': 'Check out',
};
const stepDone: Record<BookingStep, string> = {
  cancel: 'cancelled',
  'check-in': 'checked in',
  'check-out': 'checked out',
};

function BookingRow({ booking, now }: { booking: Reservation; now: Date }) {
  const step = useBookingStep();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [done, setDone] = useState('');
  const { timeZone } = booking.makerspace;
  const slot = formatSlot(booking.startsAt, booking.endsAt, timeZone);
  const actions = bookingActions(booking, now);
  const status = bookingStatusDisplay[booking.status];
  const run = (which: BookingStep) => {
    setDone('');
    step.mutate(
      { booking, step: which },
      {
        onSuccess: () => {
          setConfirmCancel(false);
          setDone(`${booking.machine.name}, ${slot}: ${stepDone[which]}.`);
        },
      },
    );
  };
  const label = `${booking.machine.name}, ${slot}`;

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:p-5">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to={paths.machine(booking.makerspace.slug, booking.machine.slug)}
            className="font-semibold text-ink-950 hover:underline"
          >
            {booking.machine.name}
          </Link>
          <Badge tone={status.tone} dot>
            {status.label}
          </Badge>
        </div>
        <p className="mt-1 text-sm text-ink-700">
          {slot}{' '}
          <span className="text-ink-500">· {formatDuration(booking.startsAt, booking.endsAt)}</span>
        </p>
        <p className="text-sm text-ink-600">{booking.makerspace.name}</p>
        {step.isError && !confirmCancel ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {step.error.message}
          </p>
        ) : null}
        <p role="status" className="sr-only">
          {done}
        </p>
      </div>
      {actions.cancel || actions.checkIn || actions.checkOut ? (
        <div className="flex shrink-0 flex-wrap gap-2">
          {actions.checkIn ? (
            <Button size="sm" onClick={() => run('check-in')} disabled={step.isPending}>
              {stepNames['check-in']}
              <span className="sr-only"> to {label}</span>
            </Button>
          ) : null}
          {actions.checkOut ? (
            <Button size="sm" onClick={() => run('check-out')} disabled={step.isPending}>
              {stepNames['check-out']}
              <span className="sr-only"> of {label}</span>
            </Button>
          ) : null}
          {actions.cancel ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                step.reset();
                setConfirmCancel(true);
              }}
            >
              Cancel<span className="sr-only"> booking {label}</span>
            </Button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        tone="danger"
        title="Cancel this booking?"
        confirmLabel="Cancel booking"
        pendingLabel="Cancelling…"
        pending={step.isPending}
        error={confirmCancel && step.isError ? step.error.message : undefined}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => run('cancel')}
      >
        {booking.machine.name} at {booking.makerspace.name}, {slot}. The slot becomes free for
        others at once.
      </ConfirmDialog>
    </li>
  );
}

export function BookingList({
  bookings,
  now,
  label,
}: {
  bookings: Reservation[];
  now: Date;
  label: string;
}) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white shadow-card"
    >
      {bookings.map((booking) => (
        <BookingRow key={booking.id} booking={booking} now={now} />
      ))}
    </ul>
  );
}
