import { MAX_RESERVATION_HOURS } from '@makrx/contracts';
import { FormDialog, FormField, inputClasses } from '@makrx/ui';
import { ApiError } from '@makrx/spa-kit';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../money';
import { paths } from '../../../paths';
import { utcToZoned, zonedToUtc } from '../../../time-zone';
import { useMyProjects } from '../../projects/api';
import { useBookMachine } from '../api';
import { bookingRefusalOf } from '../booking-refusal';
import { formatSlot } from '../presentation';

/** The lengths offered, in minutes: half-hour steps up to the longest booking the service takes. */
const lengths = Array.from(
  { length: (MAX_RESERVATION_HOURS * 60) / 30 },
  (_, index) => (index + 1) * 30,
);
const lengthLabel = (minutes: number) =>
  minutes < 60
    ? `${minutes} min`
    : minutes % 60 === 0
      ? `${minutes / 60} h`
      : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

export interface BookingRequest {
  /** Where the dialog starts: a slot picked on the calendar, or a suggestion. */
  startsAt: string;
  endsAt: string;
}

export interface BookingDialogProps {
  slug: string;
  /** The rate is in `currency`, the makerspace's. */
  machine: { slug: string; name: string; hourlyRateCents: number; currency: string };
  timeZone: string;
  request: BookingRequest | null;
  onClose: () => void;
  onBooked: (slot: string) => void;
  /** Fields above the date: the makerspace calendar's choice of machine. */
  children?: ReactNode;
}

/**
 * Books a slot of the machine: the one picked on the calendar, adjustable here (which is also
 * the keyboard's way to book). A refusal stays in the dialog, in words.
 */
export function BookingDialog({
  slug,
  machine,
  timeZone,
  request,
  onClose,
  onBooked,
  children,
}: BookingDialogProps) {
  const book = useBookMachine(slug, machine.slug);
  // The member's projects they may book time for: those they own or edit.
  const projects = (useMyProjects().data?.items ?? []).filter((p) => p.role !== 'viewer');
  const start = request ? utcToZoned(request.startsAt, timeZone) : '';
  const picked = request
    ? Math.round((Date.parse(request.endsAt) - Date.parse(request.startsAt)) / 60_000)
    : 60;
  const [minutes, setMinutes] = useState(lengths.includes(picked) ? picked : 60);
  const [lastRequest, setLastRequest] = useState(request);
  if (request !== lastRequest) {
    // A new pick: start from its length and forget the last refusal.
    setLastRequest(request);
    setMinutes(lengths.includes(picked) ? picked : 60);
    book.reset();
  }
  const cost = Math.round((machine.hourlyRateCents * minutes) / 60);

  return (
    <FormDialog
      open={request !== null}
      title={`Book ${machine.name}`}
      description={`Times are in the makerspace’s time (${timeZone}).`}
      submitLabel="Book"
      pendingLabel="Booking…"
      pending={book.isPending}
      error={
        book.isError ? (
          <>
            {bookingRefusalOf(book.error, timeZone)}
            {book.error instanceof ApiError && book.error.code === 'TRAINING_REQUIRED' ? (
              <>
                {' '}
                <Link to={paths.trainings(slug)} className="font-semibold underline">
                  Sign up for a session on the Trainings page
                </Link>
              </>
            ) : null}
          </>
        ) : undefined
      }
      onCancel={onClose}
      onSubmit={(form) => {
        const date = String(form.get('date') ?? '');
        const time = String(form.get('time') ?? '');
        const startsAt = zonedToUtc(`${date}T${time}`, timeZone);
        const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
        const projectSlug = String(form.get('project') ?? '');
        book.mutate(
          { startsAt, endsAt, ...(projectSlug ? { projectSlug } : {}) },
          {
            onSuccess: (booking) =>
              onBooked(formatSlot(booking.startsAt, booking.endsAt, timeZone)),
          },
        );
      }}
    >
      {children}
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Date" className="sm:col-span-3">
          {(field) => (
            <input
              {...field}
              name="date"
              type="date"
              required
              defaultValue={start.slice(0, 10)}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Start" className="sm:col-span-1">
          {(field) => (
            <input
              {...field}
              name="time"
              type="time"
              step={900}
              required
              defaultValue={start.slice(11, 16)}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Length" className="sm:col-span-2">
          {(field) => (
            <select
              {...field}
              name="length"
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
              className={inputClasses}
            >
              {lengths.map((length) => (
                <option key={length} value={length}>
                  {lengthLabel(length)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {projects.length > 0 ? (
          <FormField label="For project" hint="Optional." className="sm:col-span-3">
            {(field) => (
              <select {...field} name="project" defaultValue="" className={inputClasses}>
                <option value="">No project</option>
                {projects.map((project) => (
                  <option key={project.slug} value={project.slug}>
                    {project.title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
      </div>
      <p className="text-sm text-ink-700">
        {machine.hourlyRateCents === 0 ? (
          'This machine is free to use.'
        ) : (
          <>
            Estimated cost at the machine’s hourly rate:{' '}
            <strong className="font-semibold text-ink-950">
              {formatMoney(cost, machine.currency)}
            </strong>
            .
          </>
        )}
      </p>
    </FormDialog>
  );
}
