import type { PrintQuote } from '@makrx/contracts';
import { Badge, cx, formatPrice, MapPinIcon } from '@makrx/ui';
import { formatLeadTime, formatRating, formatValidUntil } from '../format';
import { breakdownOf, qualityLabel } from '../quotes';

/** Everything a quote says, for the quotes list and the chosen quote's summary. */
export function QuoteFacts({
  quote,
  breakdownOpen = false,
}: {
  quote: PrintQuote;
  breakdownOpen?: boolean;
}) {
  const breakdown = breakdownOf(quote);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-semibold text-ink-950">
            {quote.materialName}
            <Badge tone="neutral">{quote.technology}</Badge>
            <Badge tone="accent">{qualityLabel(quote.quality)}</Badge>
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-x-1.5 text-sm text-ink-700">
            <span className="font-medium text-ink-900">{quote.provider.name}</span>
            <span aria-hidden="true">·</span>
            <span className="inline-flex items-center gap-1">
              <MapPinIcon className="size-3.5 text-ink-500" />
              {quote.provider.city}
            </span>
            <span aria-hidden="true">·</span>
            <span>{formatRating(quote.provider.rating)}</span>
          </p>
          <p className="mt-0.5 text-sm text-ink-600">
            {quote.machineName} · {quote.layerHeightMm} mm layers
            {quote.infillPercent !== null ? ` · ${quote.infillPercent}% infill` : ''}
          </p>
        </div>
        <div className="sm:text-right">
          <p className="text-xl font-extrabold text-ink-950 tabular-nums">
            {formatPrice(quote.total, quote.currency)}
          </p>
          <p className="text-sm text-ink-600 tabular-nums">
            {formatPrice(quote.unitPrice, quote.currency)} per part
            {quote.quantity > 1 ? ` × ${quote.quantity}` : ''}
          </p>
          {quote.percentOff > 0 ? (
            <p className="mt-1">
              <Badge tone="success">{quote.percentOff}% quantity discount</Badge>
            </p>
          ) : null}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold text-ink-900">{formatLeadTime(quote.leadTimeDays)}</span>
        <span className="text-ink-600">
          {quote.gramsPerPart.toFixed(1)} g · {quote.printHoursPerPart.toFixed(1)} h per part
        </span>
        <span className="text-ink-600">
          Valid until <time dateTime={quote.validUntil}>{formatValidUntil(quote.validUntil)}</time>
        </span>
      </div>
      <details className="group mt-3" open={breakdownOpen}>
        <summary className="cursor-pointer text-sm font-semibold text-accent-700 hover:text-accent-900">
          Price breakdown
        </summary>
        <table className="mt-2 w-full text-sm">
          <tbody className="divide-y divide-ink-100">
            {breakdown.items.map((line, index) => (
              <tr key={`${line.label}-${index}`}>
                <th scope="row" className="py-1.5 pr-3 text-left font-medium text-ink-800">
                  {line.label}
                  <span className="block text-xs font-normal text-ink-500">{line.detail}</span>
                </th>
                <td
                  className={cx(
                    'py-1.5 text-right tabular-nums',
                    line.amount < 0 ? 'text-emerald-700' : 'text-ink-900',
                  )}
                >
                  {formatPrice(line.amount, quote.currency)}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-1.5 text-left font-semibold text-ink-950">
                {breakdown.total.label}
                {breakdown.total.detail ? (
                  <span className="block text-xs font-normal text-ink-500">
                    {breakdown.total.detail}
                  </span>
                ) : null}
              </th>
              <td className="py-1.5 text-right font-semibold text-ink-950 tabular-nums">
                {formatPrice(breakdown.total.amount, quote.currency)}
              </td>
            </tr>
          </tbody>
        </table>
      </details>
    </>
  );
}
