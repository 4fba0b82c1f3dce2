import type { MachineSummary } from '@makrx/contracts';
import { equipmentTypeLabels } from '@makrx/contracts/equipment-types';
import { Badge, buttonClasses, Card, CoverArt, MapPinIcon, Skeleton } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { usePhotoSource } from '../../photos/photo-source';
import { photoAlt } from '../../photos/presentation';
import {
  equipmentKindIcon,
  equipmentStatusDisplay,
  HourlyRate,
} from '../../makerspaces/equipment-presentation';

export interface MachineCardProps {
  slug: string;
  machine: MachineSummary;
  /** Whether to offer "Book" (people who may reserve equipment there). */
  canBook: boolean;
  /** A line under the machine's facts: the overview's "Next booking". */
  note?: ReactNode;
}

/** Machines that take bookings: neither offline nor archived (the service's rule). */
export const takesBookings = (machine: MachineSummary) =>
  machine.status !== 'offline' && machine.archivedAt === null;

export function MachineCard({ slug, machine, canBook, note }: MachineCardProps) {
  const status = equipmentStatusDisplay[machine.status];
  const kind = equipmentTypeLabels[machine.type];
  const sourceOf = usePhotoSource();
  const makeAndModel = [machine.make, machine.model].filter(Boolean).join(' ');
  return (
    <Card className="flex h-full flex-col overflow-hidden">
      <div className="flex gap-4 p-4">
        {machine.coverPhoto ? (
          <img
            src={sourceOf(machine.coverPhoto)}
            alt={photoAlt(machine.name, 0, 1, '')}
            loading="lazy"
            className="size-16 shrink-0 rounded-xl bg-ink-100 object-cover"
          />
        ) : (
          <CoverArt
            seed={machine.slug}
            icon={equipmentKindIcon(kind)}
            className="size-16 shrink-0 rounded-xl"
          />
        )}
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-ink-600">{kind}</p>
          <h3 className="truncate text-base font-semibold text-ink-950">
            <Link
              to={paths.machine(slug, machine.slug)}
              className="hover:text-accent-700 hover:underline"
            >
              {machine.name}
            </Link>
          </h3>
          {makeAndModel ? <p className="truncate text-sm text-ink-600">{makeAndModel}</p> : null}
          {machine.location ? (
            <p className="mt-0.5 flex items-center gap-1 truncate text-xs text-ink-600">
              <MapPinIcon className="size-3.5 shrink-0" />
              <span className="sr-only">Location: </span>
              {machine.location}
            </p>
          ) : null}
          {note ? <p className="mt-1 text-xs text-ink-700">{note}</p> : null}
        </div>
      </div>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-3 border-t border-ink-100 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <Badge tone={status.tone} dot>
            {status.label}
          </Badge>
          <span className="text-ink-800 tabular-nums">
            <HourlyRate cents={machine.hourlyRateCents} currency={machine.currency} />
          </span>
        </div>
        {canBook && takesBookings(machine) ? (
          <Link
            to={paths.machineCalendar(slug, machine.slug)}
            className={buttonClasses({ size: 'sm', variant: 'secondary' })}
          >
            Book<span className="sr-only"> {machine.name}</span>
          </Link>
        ) : null}
      </div>
    </Card>
  );
}

export function MachineGrid<M extends MachineSummary>({
  slug,
  machines,
  canBook,
  noteOf,
}: {
  slug: string;
  machines: M[];
  canBook: boolean;
  /** Each machine's note, if the page has one to add. */
  noteOf?: (machine: M) => ReactNode;
}) {
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {machines.map((machine) => (
        <li key={machine.id}>
          <MachineCard slug={slug} machine={machine} canBook={canBook} note={noteOf?.(machine)} />
        </li>
      ))}
    </ul>
  );
}

export function MachineGridSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading machines…</span>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {Array.from({ length: count }, (_, index) => (
          <Skeleton key={index} className="h-36 rounded-2xl" />
        ))}
      </div>
    </div>
  );
}
