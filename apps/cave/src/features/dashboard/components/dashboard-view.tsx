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
import { makerspaceTimeZone } from '../../../time-zone';
import { MachineGrid } from '../../equipment/components/machine-card';
import { equipmentStatusDisplay } from '../../makerspaces/equipment-presentation';
import { bookingStatusDisplay, formatSlot } from '../../reservations/presentation';
import type { MakerspaceDashboard } from '../api';

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

function MyUpcoming({ dashboard }: { dashboard: MakerspaceDashboard }) {
  const { myUpcoming, space } = dashboard;
  const timeZone = makerspaceTimeZone(space.timeZone);
  if (myUpcoming.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
        You have nothing booked at {space.name}. Pick a machine and choose a free slot on its
        calendar.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white shadow-card">
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
              {formatSlot(booking.startsAt, booking.endsAt, timeZone)}
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

/** Machines out of service, for the people who run them: each a link to put it right. */
function NeedsAttention({ dashboard }: { dashboard: MakerspaceDashboard }) {
  const down = dashboard.machines.filter(
    (machine) => machine.status === 'maintenance' || machine.status === 'offline',
  );
  if (down.length === 0)
    return (
      <p className="rounded-2xl border border-emerald-200 bg-emerald-50 p-5 text-sm text-emerald-900">
        Every machine is in service.
      </p>
    );
  return (
    <ul className="divide-y divide-amber-200 rounded-2xl border border-amber-200 bg-amber-50/60">
      {down.map((machine) => (
        <li key={machine.id} className="flex items-center justify-between gap-3 px-4 py-3">
          <Link
            to={paths.machine(dashboard.space.slug, machine.slug)}
            className="min-w-0 truncate text-sm font-medium text-ink-950 hover:underline"
          >
            {machine.name}
          </Link>
          <Badge tone={equipmentStatusDisplay[machine.status].tone} dot>
            {equipmentStatusDisplay[machine.status].label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

export interface DashboardViewProps {
  dashboard: MakerspaceDashboard;
  canBook: boolean;
  /** Admins and service providers: shown what needs their attention. */
  canManage: boolean;
}

/** A makerspace's overview for its people: machines and their status, my bookings, the visit. */
export function DashboardView({ dashboard, canBook, canManage }: DashboardViewProps) {
  const { space, machines } = dashboard;
  const count = (status: string) => machines.filter((machine) => machine.status === status).length;
  return (
    <div className="space-y-10">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 sm:gap-4">
        <Stat label="Available now" value={count('available')} tone="text-emerald-700" />
        <Stat label="In use" value={count('in_use')} />
        <Stat label="In maintenance" value={count('maintenance')} tone="text-amber-700" />
        <Stat label="Offline" value={count('offline')} />
      </dl>

      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Section
          id="machines-heading"
          title="Machines"
          action={
            <Link
              to={paths.equipment(space.slug)}
              className="inline-flex items-center gap-1 text-sm font-semibold text-accent-700 hover:text-accent-900"
            >
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
            <MachineGrid slug={space.slug} machines={machines} canBook={canBook} />
          )}
        </Section>

        <div className="space-y-10">
          {canManage ? (
            <Section id="attention-heading" title="Needs attention">
              <NeedsAttention dashboard={dashboard} />
            </Section>
          ) : null}
          <Section
            id="my-bookings-heading"
            title="Your upcoming bookings"
            action={
              <Link
                to={paths.myBookings}
                className="text-sm font-semibold text-accent-700 hover:text-accent-900"
              >
                All
              </Link>
            }
          >
            <MyUpcoming dashboard={dashboard} />
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
