import type { MakerspaceCalendar as Calendar } from '@makrx/contracts';
import { equipmentTypeLabels } from '@makrx/contracts/equipment-types';
import { EmptyState, FormField, inputClasses, WrenchIcon } from '@makrx/ui';
import { useMemo, useState } from 'react';
import { useMakerspaceCalendar, type CalendarRange } from '../api';
import { makerspaceEvents, typeColours, type EventKind, type Span } from '../calendar-events';
import {
  BookingCalendar,
  CalendarPanel,
  narrowScreen,
  useBookingRequest,
} from './booking-calendar';
import { BookingDialog } from './booking-dialog';

type CalendarMachine = Calendar['machines'][number];

export interface MakerspaceCalendarProps {
  slug: string;
  /** The makerspace's IANA zone: the calendar is drawn on its clock. */
  timeZone: string;
}

const Swatch = ({ colour, className = '' }: { colour: string; className?: string }) => (
  <span
    aria-hidden="true"
    className={`inline-block size-3 shrink-0 rounded-sm ${className}`}
    style={{ backgroundColor: colour }}
  />
);

/** One checkbox chip a machine, in its type's colour: which machines the calendar shows. */
function MachineFilter({
  machines,
  hidden,
  onChange,
}: {
  machines: CalendarMachine[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
}) {
  const toggle = (id: string) => {
    const next = new Set(hidden);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  const shownCount = machines.length - hidden.size;
  const [folded] = useState(narrowScreen);
  return (
    // Folded on a phone, where a dozen chips would push the calendar off the screen.
    <details open={!folded}>
      <summary className="cursor-pointer text-sm font-semibold text-ink-950">
        Machines{' '}
        <span className="font-normal text-ink-600">
          ({shownCount} of {machines.length} shown)
        </span>
      </summary>
      <fieldset className="mt-2">
        <legend className="sr-only">Machines to show</legend>
        <div className="flex flex-wrap gap-2">
          {machines.map((machine) => (
            <label
              key={machine.id}
              className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-ink-300 bg-white px-3 py-1.5 text-sm text-ink-800 has-checked:border-ink-900 has-checked:bg-ink-50 has-focus-visible:outline-2 has-focus-visible:outline-accent-600"
            >
              <input
                type="checkbox"
                className="size-4 accent-ink-900"
                checked={!hidden.has(machine.id)}
                onChange={() => toggle(machine.id)}
              />
              <Swatch colour={typeColours[machine.type]} />
              {machine.name}
            </label>
          ))}
        </div>
        <div className="mt-2 flex gap-3 text-sm">
          <button
            type="button"
            className="font-semibold text-accent-700 hover:text-accent-900"
            onClick={() => onChange(new Set())}
          >
            Show all
          </button>
          <button
            type="button"
            className="font-semibold text-accent-700 hover:text-accent-900"
            onClick={() => onChange(new Set(machines.map((machine) => machine.id)))}
          >
            Hide all
          </button>
        </div>
      </fieldset>
    </details>
  );
}

/** What the colours and shading mean: one colour a kind of machine shown. */
function Legend({ machines }: { machines: CalendarMachine[] }) {
  const types = [...new Set(machines.map((machine) => machine.type))];
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-700">
      {types.map((type) => (
        <li key={type} className="inline-flex items-center gap-1.5">
          <Swatch colour={typeColours[type]} />
          {equipmentTypeLabels[type]}
        </li>
      ))}
      <li className="inline-flex items-center gap-1.5">
        <Swatch colour="var(--color-amber-100, #fef3c7)" className="ring-1 ring-amber-500" />
        Maintenance
      </li>
      <li className="inline-flex items-center gap-1.5">
        <Swatch colour="var(--color-ink-200, #e2e8f0)" />
        Closed
      </li>
    </ul>
  );
}

/** Which of the machines shown a slot picked on the calendar books. */
function MachineChoice({
  machines,
  picked,
  onPick,
}: {
  machines: CalendarMachine[];
  picked: CalendarMachine;
  onPick: (id: string) => void;
}) {
  return (
    <FormField label="Machine">
      {(field) => (
        <select
          {...field}
          name="machine"
          value={picked.id}
          onChange={(event) => onPick(event.target.value)}
          className={inputClasses}
        >
          {machines.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Machines that take bookings: an offline one cannot be picked. */
const bookable = (machines: CalendarMachine[]) =>
  machines.filter((machine) => machine.status !== 'offline');

/**
 * Every machine of a makerspace on one day and week calendar, in the makerspace's time zone:
 * bookings in their machine type's colour (named to admins, "Booked" to members), maintenance,
 * closed hours shaded. A filter narrows it to some machines; a free slot picked starts a booking
 * of the machine shown, or of one chosen in the dialog when several are.
 */
export default function MakerspaceCalendar({ slug, timeZone }: MakerspaceCalendarProps) {
  const [range, setRange] = useState<CalendarRange | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const [machineId, setMachineId] = useState('');
  const booking = useBookingRequest();
  const calendar = useMakerspaceCalendar(slug, range);
  const machines = useMemo(() => calendar.data?.machines ?? [], [calendar.data]);
  const shown = useMemo(
    () => new Set(machines.filter((machine) => !hidden.has(machine.id)).map(({ id }) => id)),
    [machines, hidden],
  );
  const events = useMemo(() => makerspaceEvents(calendar.data, shown), [calendar.data, shown]);
  const choices = bookable(machines.filter((machine) => shown.has(machine.id)));
  // The machine a picked slot books unless another is chosen: the one shown, or the first.
  const first = choices[0];
  const machine = choices.find((choice) => choice.id === machineId) ?? first;
  const startBooking = (slot: Span) => {
    setMachineId(first?.id ?? '');
    booking.start(slot);
  };

  if (calendar.data && machines.length === 0)
    return (
      <EmptyState
        icon={<WrenchIcon />}
        title="No machines listed yet"
        description="Once the makerspace adds its machines, their bookings show here."
      />
    );

  return (
    <CalendarPanel
      timeZone={timeZone}
      intro="Every machine’s bookings and maintenance; closed hours are shaded. Drag across free time (or tap a slot) to book."
      onChooseTime={first ? startBooking : undefined}
      booked={booking.booked}
      error={calendar.error}
      onRetry={() => void calendar.refetch()}
      controls={
        machines.length > 0 ? (
          <div className="space-y-3 rounded-2xl border border-ink-200 bg-white p-4 shadow-card">
            <MachineFilter machines={machines} hidden={hidden} onChange={setHidden} />
            <Legend machines={machines.filter((entry) => shown.has(entry.id))} />
          </div>
        ) : null
      }
    >
      {calendar.data && shown.size === 0 ? (
        <p className="rounded-xl bg-ink-50 px-4 py-3 text-sm text-ink-700 ring-1 ring-ink-200 ring-inset">
          No machine is shown. Tick one above to see its bookings.
        </p>
      ) : null}
      <BookingCalendar
        timeZone={timeZone}
        events={events}
        busy={calendar.isFetching}
        onRange={(dates) => setRange({ from: dates.startsAt, to: dates.endsAt })}
        onPick={(slot) => {
          if (first) startBooking(slot);
        }}
        // Never over closed hours, nor over the booked time of the machine a pick would book.
        pickOverlaps={(event) => {
          const props = event.extendedProps as { kind?: EventKind; machineId?: string };
          return props.kind !== 'closed' && props.machineId !== first?.id;
        }}
      />
      {machine ? (
        <BookingDialog
          slug={slug}
          machine={machine}
          timeZone={timeZone}
          request={booking.request}
          onClose={booking.close}
          onBooked={(slot) => booking.done(`${machine.name} for ${slot}`)}
        >
          {choices.length > 1 ? (
            <MachineChoice machines={choices} picked={machine} onPick={setMachineId} />
          ) : null}
        </BookingDialog>
      ) : null}
    </CalendarPanel>
  );
}
