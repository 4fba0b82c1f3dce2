import type { Makerspace } from '@makrx/contracts';
import { ArrowUpRightIcon, Card, ClockIcon, CoverArt, MapPinIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import { equipmentKindIcon, signatureKind } from '../equipment-presentation';
import { EquipmentTable } from './equipment-table';

function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="flex flex-col rounded-2xl border border-ink-200 bg-white p-4 shadow-card sm:p-5">
      <dt className="text-xs font-medium text-ink-600 sm:text-sm">{label}</dt>
      <dd className="mt-auto pt-1 text-2xl font-bold tracking-tight text-ink-950 tabular-nums">
        {value}
      </dd>
      {detail ? <dd className="mt-1 hidden text-sm text-ink-600 sm:block">{detail}</dd> : null}
    </div>
  );
}

function directionsUrl(space: Makerspace): string {
  const query = `${space.address}, ${space.city}, ${space.country}`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

export function MakerspaceDetailView({ space }: { space: Makerspace }) {
  const busy = space.equipment.filter((machine) => machine.status === 'in_use').length;
  const down = space.equipment.filter(
    (machine) => machine.status === 'maintenance' || machine.status === 'offline',
  ).length;

  return (
    <article>
      <CoverArt
        seed={space.slug}
        icon={equipmentKindIcon(signatureKind(space.equipmentKinds))}
        iconSize="lg"
        className="h-44 rounded-3xl shadow-lift sm:h-64"
      />

      <header className="mt-8">
        <p className="flex items-center gap-1.5 text-sm font-medium text-accent-700">
          <MapPinIcon className="size-4" />
          {space.city}, {space.country}
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-ink-950 sm:text-4xl">
          {space.name}
        </h1>
        <p className="mt-3 max-w-2xl text-lg leading-8 text-ink-600">{space.tagline}</p>
      </header>

      <dl className="mt-8 grid grid-cols-3 gap-3 sm:gap-4">
        <Stat
          label="Available now"
          value={<span className="text-emerald-700">{space.availableNow}</span>}
          detail={`of ${space.equipmentCount} ${space.equipmentCount === 1 ? 'machine' : 'machines'}`}
        />
        <Stat label="In use" value={busy} detail="running right now" />
        <Stat label="Out of service" value={down} detail="maintenance or offline" />
      </dl>

      <div className="mt-12 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-12">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-semibold text-ink-950">
              About the space
            </h2>
            <p className="mt-3 max-w-prose text-base leading-7 text-ink-700">{space.description}</p>
          </section>

          <section aria-labelledby="equipment-heading">
            <h2 id="equipment-heading" className="text-xl font-semibold text-ink-950">
              Equipment
            </h2>
            <p className="mt-2 text-sm text-ink-600">
              Live status of every machine. Rates are per hour of machine time.
            </p>
            <div className="mt-5">
              {space.equipment.length > 0 ? (
                <EquipmentTable
                  equipment={space.equipment}
                  spaceName={space.name}
                  currency={space.currency}
                />
              ) : (
                <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-6 text-sm text-ink-600">
                  {space.name} hasn’t listed its machines yet.
                </p>
              )}
            </div>
          </section>
        </div>

        <aside aria-labelledby="visit-heading">
          <Card className="p-6 lg:sticky lg:top-6">
            <h2 id="visit-heading" className="text-base font-semibold text-ink-950">
              Visit {space.name}
            </h2>
            <dl className="mt-5 space-y-5 text-sm">
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
            <a
              href={directionsUrl(space)}
              target="_blank"
              rel="noreferrer"
              className="mt-6 inline-flex items-center gap-1.5 text-sm font-semibold text-accent-700 hover:text-accent-900"
            >
              Get directions
              <ArrowUpRightIcon className="size-4" />
              <span className="sr-only">(opens OpenStreetMap in a new tab)</span>
            </a>
          </Card>
        </aside>
      </div>
    </article>
  );
}
