import type { AvailableProvider } from '@makrx/contracts';
import { Badge, Card, ClockIcon, MapPinIcon, PrinterIcon } from '@makrx/ui';
import { Stars } from '../../print-orders/components/stars';
import { formatBuildVolume, formatLeadTimeRange, leadTimeRange, machinesOf } from '../providers';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => {
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** The rating as stars and a count, or "New provider" before the first. */
export function ProviderRating({ rating }: { rating: AvailableProvider['rating'] }) {
  if (rating.average === null || rating.count === 0) {
    return <Badge tone="info">New provider</Badge>;
  }
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <Stars value={rating.average} size="sm" />
      <span className="font-semibold text-ink-950 tabular-nums">{rating.average.toFixed(1)}</span>
      <span className="text-ink-600">
        ({rating.count} {rating.count === 1 ? 'rating' : 'ratings'})
      </span>
    </span>
  );
}

/** One provider of the marketplace: where it is, its rating, and each printer's offer. */
export function ProviderCard({ provider }: { provider: AvailableProvider }) {
  const machines = machinesOf(provider);
  const lead = leadTimeRange(provider);
  const titleId = `provider-${provider.slug}`;
  return (
    <article aria-labelledby={titleId} className="flex w-full">
      <Card className="flex w-full flex-col p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-ink-950">
              {provider.name}
            </h2>
            <p className="mt-0.5 inline-flex items-center gap-1 text-sm text-ink-600">
              <MapPinIcon className="size-4 text-ink-500" />
              {provider.city}, {countryName(provider.country)}
            </p>
          </div>
          <ProviderRating rating={provider.rating} />
        </div>
        <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-700">
          {lead ? (
            <span className="inline-flex items-center gap-1.5">
              <ClockIcon className="size-4 text-ink-500" />
              {formatLeadTimeRange(lead)}
            </span>
          ) : null}
          <span>
            Answers within{' '}
            {provider.responseWindowMinutes % 60 === 0
              ? `${provider.responseWindowMinutes / 60} h`
              : `${provider.responseWindowMinutes} min`}
          </span>
        </p>
        <ul className="mt-4 space-y-3 border-t border-ink-100 pt-4" aria-label="Printers">
          {machines.map((machine) => (
            <li key={machine.equipmentId}>
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <PrinterIcon className="size-4 shrink-0 self-center text-ink-500" />
                <span className="font-semibold text-ink-900">{machine.name}</span>
                <span className="text-ink-600">
                  build volume {formatBuildVolume(machine.buildVolumeMm)}
                </span>
              </p>
              <ul className="mt-1.5 flex flex-wrap gap-2 pl-6">
                {machine.materials.map((material) => (
                  <li
                    key={material.key}
                    className="rounded-lg border border-ink-200 bg-ink-50 px-2.5 py-1 text-xs text-ink-700"
                  >
                    <span className="font-semibold text-ink-900">{material.name}</span>{' '}
                    {material.qualities.join(', ')}
                    <span className="text-ink-500">
                      {' · '}
                      {formatLeadTimeRange(material.leadTimeDays).replace('Ready in ', '')}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Card>
    </article>
  );
}
