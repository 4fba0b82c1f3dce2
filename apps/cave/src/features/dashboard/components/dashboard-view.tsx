import type { Makerspace, MakerspaceDashboard, Reservation } from '@makrx/contracts';
import {
  ArrowRightIcon,
  Badge,
  CalendarIcon,
  Card,
  ClockIcon,
  EmptyState,
  MapPinIcon,
  Skeleton,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { MachineGrid } from '../../equipment/components/machine-card';
import { equipmentStatusDisplay } from '../../makerspaces/equipment-presentation';
import {
  bookingStatusDisplay,
  formatMoment,
  formatSlot,
  formatTimes,
} from '../../reservations/presentation';

function Stat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-2xl border border-ink-200 bg-white p-4 shadow-card sm:p-5">
      <dt className="text-xs font-medium text-ink-600 sm:text-sm">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-bold tracking-tight tabular-nums ${tone ?? 'text-ink-950'}`}
      >
        {value}
      </dd>
    </div>
  );
}

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <div className="flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-xl font-semibold text-ink-950">
          {title}
        </h2>
        {action}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

const listClasses =
  'divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white shadow-card';

function MyUpcoming({
  space,
  myUpcoming,
}: {
  space: Makerspace;
  myUpcoming: Reservation[] | undefined;
}) {
  if (!myUpcoming) return <Skeleton className="h-24 rounded-2xl" />;
  if (myUpcoming.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
        You have nothing booked at {space.name}. Pick a machine and choose a free slot on its
        calendar.
      </p>
    );
  }
  return (
    <ul className={listClasses}>
      {myUpcoming.slice(0, 5).map((booking) => (
        <li key={booking.id} className="flex items-start gap-3 p-4">
          <CalendarIcon className="mt-0.5 size-5 shrink-0 text-accent-600" />
          <div className="min-w-0">
            <p className="font-medium text-ink-950">
              <Link
                to={paths.machine(space.slug, booking.machine.slug)}
                className="hover:underline"
              >
                {booking.machine.name}
              </Link>
            </p>
            <p className="text-sm text-ink-600">
              {formatSlot(booking.startsAt, booking.endsAt, space.timeZone)}
            </p>
            {booking.status !== 'booked' ? (
              <p className="text-xs font-medium text-sky-800">
                {bookingStatusDisplay[booking.status].label}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** When the makerspace is open today, on its own clock, or why it is closed. */
function openingToday({ today, makerspace }: MakerspaceDashboard): string {
  if (today.open.length > 0)
    return `Open today ${today.open
      .map((interval) => formatTimes(interval.startsAt, interval.endsAt, makerspace.timeZone))
      .join(', ')}`;
  return today.closedFor ? `Closed today: ${today.closedFor}` : 'Closed today';
}

/** Today's bookings across the machines: who booked, for admins; busy blocks for members. */
function Today({ dashboard, canBook }: { dashboard: MakerspaceDashboard; canBook: boolean }) {
  const { bookingsToday, makerspace } = dashboard;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-sm font-medium text-ink-800">
        <ClockIcon className="size-4 text-accent-600" />
        {openingToday(dashboard)}
      </p>
      {bookingsToday.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          No machine is booked today.
          {canBook ? ' Every slot in the opening hours is free to book.' : null}
        </p>
      ) : (
        <ul aria-label="Bookings today" className={listClasses}>
          {bookingsToday.map((booking) => (
            <li key={booking.id} className="flex items-baseline gap-3 px-4 py-3 text-sm">
              <span className="shrink-0 font-medium text-ink-950 tabular-nums">
                {formatTimes(booking.startsAt, booking.endsAt, makerspace.timeZone)}
              </span>
              <span className="min-w-0">
                <Link
                  to={paths.machine(makerspace.slug, booking.machine.slug)}
                  className="font-medium text-ink-900 hover:underline"
                >
                  {booking.machine.name}
                </Link>
                <span className="block truncate text-ink-600">
                  {booking.mine ? 'You' : (booking.member?.displayName ?? 'Booked')}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AttentionItem({ children }: { children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-3 text-sm">
      {children}
    </li>
  );
}

/**
 * What the makerspace's admins should see to today: machines out of service, maintenance in the
 * week ahead, invites about to expire, and today's no-shows. Service providers, who get no
 * attention list from the service, see the machines out of service.
 */
function NeedsAttention({ dashboard }: { dashboard: MakerspaceDashboard }) {
  const { makerspace, attention } = dashboard;
  const timeZone = makerspace.timeZone;
  const down =
    attention?.machinesDown ??
    dashboard.machines.filter(
      (machine): machine is typeof machine & { status: 'maintenance' | 'offline' } =>
        machine.status === 'maintenance' || machine.status === 'offline',
    );
  const items =
    down.length +
    (attention
      ? attention.upcomingMaintenance.length +
        attention.expiringInvites.length +
        attention.noShowsToday.length
      : 0);
  if (items === 0)
    return (
      <p className="rounded-2xl border border-emerald-200 bg-emerald-50 p-5 text-sm text-emerald-900">
        Every machine is in service and nothing else is waiting.
      </p>
    );
  return (
    <ul className="divide-y divide-amber-200 rounded-2xl border border-amber-200 bg-amber-50/60">
      {down.map((machine) => (
        <AttentionItem key={machine.slug}>
          <Link
            to={paths.machine(makerspace.slug, machine.slug)}
            className="min-w-0 truncate font-medium text-ink-950 hover:underline"
          >
            {machine.name}
          </Link>
          <Badge tone={equipmentStatusDisplay[machine.status].tone} dot>
            {equipmentStatusDisplay[machine.status].label}
          </Badge>
        </AttentionItem>
      ))}
      {attention?.upcomingMaintenance.map((window) => (
        <AttentionItem key={window.id}>
          <span className="min-w-0">
            <Link
              to={paths.machine(makerspace.slug, window.machine.slug)}
              className="font-medium text-ink-950 hover:underline"
            >
              {window.machine.name}
            </Link>{' '}
            <span className="text-ink-700">maintenance: {window.reason}</span>
          </span>
          <span className="text-ink-700">
            {formatSlot(window.startsAt, window.endsAt, timeZone)}
          </span>
        </AttentionItem>
      ))}
      {attention?.expiringInvites.map((invite) => (
        <AttentionItem key={invite.id}>
          <Link
            to={paths.members(makerspace.slug)}
            className="min-w-0 truncate font-medium text-ink-950 hover:underline"
          >
            Invite to {invite.email}
          </Link>
          <span className="text-ink-700">expires {formatMoment(invite.expiresAt, timeZone)}</span>
        </AttentionItem>
      ))}
      {attention?.noShowsToday.map((booking) => (
        <AttentionItem key={booking.id}>
          <span className="min-w-0 font-medium text-ink-950">
            {booking.member?.displayName ?? 'A member'} did not come for {booking.machine.name}
          </span>
          <Badge tone={bookingStatusDisplay.no_show.tone}>
            {formatTimes(booking.startsAt, booking.endsAt, timeZone)}
          </Badge>
        </AttentionItem>
      ))}
    </ul>
  );
}

export interface DashboardViewProps {
  space: Makerspace;
  dashboard: MakerspaceDashboard;
  /** My bookings here still to come or under way, soonest first; undefined while loading. */
  myUpcoming: Reservation[] | undefined;
  canBook: boolean;
  /** Admins and service providers: shown what needs their attention. */
  canManage: boolean;
}

const sectionLink =
  'inline-flex items-center gap-1 text-sm font-semibold text-accent-700 hover:text-accent-900';

/**
 * A makerspace's overview for its people: machines with their status and next booking, today's
 * bookings and hours, what needs attention, my bookings, the visit.
 */
export function DashboardView({
  space,
  dashboard,
  myUpcoming,
  canBook,
  canManage,
}: DashboardViewProps) {
  const { machines } = dashboard;
  const count = (status: string) => machines.filter((machine) => machine.status === status).length;
  return (
    <div className="space-y-10">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-5">
        <Stat label="Available now" value={count('available')} tone="text-emerald-700" />
        <Stat label="In use" value={count('in_use')} />
        <Stat label="In maintenance" value={count('maintenance')} tone="text-amber-700" />
        <Stat label="Offline" value={count('offline')} />
        <Stat label="Bookings today" value={dashboard.counts.bookingsToday} />
      </dl>

      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Section
          id="machines-heading"
          title="Machines"
          action={
            <Link to={paths.equipment(space.slug)} className={sectionLink}>
              All equipment <ArrowRightIcon className="size-4" />
            </Link>
          }
        >
          {machines.length === 0 ? (
            <EmptyState
              title="No machines listed yet"
              description={`${space.name} hasn’t added its machines to MakrCave.`}
            />
          ) : (
            <MachineGrid
              slug={space.slug}
              machines={machines}
              canBook={canBook}
              noteOf={(machine) =>
                machine.nextBooking
                  ? `Next booking ${formatSlot(
                      machine.nextBooking.startsAt,
                      machine.nextBooking.endsAt,
                      space.timeZone,
                    )}`
                  : 'No bookings ahead'
              }
            />
          )}
        </Section>

        <div className="space-y-10">
          {canManage ? (
            <Section id="attention-heading" title="Needs attention">
              <NeedsAttention dashboard={dashboard} />
            </Section>
          ) : null}
          <Section
            id="today-heading"
            title="Today"
            action={
              canBook ? (
                <Link to={paths.calendar(space.slug)} className={sectionLink}>
                  Calendar <ArrowRightIcon className="size-4" />
                </Link>
              ) : undefined
            }
          >
            <Today dashboard={dashboard} canBook={canBook} />
          </Section>
          <Section
            id="my-bookings-heading"
            title="Your upcoming bookings"
            action={
              <Link to={paths.myBookings} className={sectionLink}>
                All
              </Link>
            }
          >
            <MyUpcoming space={space} myUpcoming={myUpcoming} />
          </Section>
          <Section id="visit-heading" title="Visit">
            <Card className="p-5">
              <dl className="space-y-4 text-sm">
                <div className="flex gap-3">
                  <dt>
                    <MapPinIcon className="mt-0.5 size-5 text-accent-600" />
                    <span className="sr-only">Address</span>
                  </dt>
                  <dd className="leading-6 text-ink-700">{space.address}</dd>
                </div>
                <div className="flex gap-3">
                  <dt>
                    <ClockIcon className="mt-0.5 size-5 text-accent-600" />
                    <span className="sr-only">Opening hours</span>
                  </dt>
                  <dd className="leading-6 text-ink-700">{space.openingHours}</dd>
                </div>
              </dl>
            </Card>
          </Section>
        </div>
      </div>
    </div>
  );
}

export function DashboardSkeleton() {
  return (
    <div aria-busy="true" className="space-y-10">
      <span className="sr-only">Loading the overview…</span>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 sm:gap-4">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} className="h-24 rounded-2xl" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-80 rounded-2xl" />
        <Skeleton className="h-56 rounded-2xl" />
      </div>
    </div>
  );
}
