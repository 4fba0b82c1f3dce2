import type { BomImportResult, BomView } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { formatMoney } from '../../../money';

/** The BOM's size, its total cost in the Store and what the Store cannot supply now. */
export function Totals({ bom }: { bom: BomView }) {
  const count = bom.items.length;
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <div className="rounded-2xl border border-ink-200 bg-white p-4">
        <dt className="text-xs font-medium text-ink-600">Items</dt>
        <dd className="mt-1 text-lg font-semibold text-ink-950">
          {count} {count === 1 ? 'item' : 'items'}
        </dd>
      </div>
      <div className="rounded-2xl border border-ink-200 bg-white p-4">
        <dt className="text-xs font-medium text-ink-600">Total cost in the Store</dt>
        <dd className="mt-1 text-lg font-semibold text-ink-950 tabular-nums">
          {bom.total ? formatMoney(bom.total.cents, bom.total.currency) : '—'}
        </dd>
        {bom.total && bom.total.unmatchedItems > 0 ? (
          <dd className="text-xs text-ink-600">
            {bom.total.unmatchedItems} item{bom.total.unmatchedItems === 1 ? '' : 's'} not priced by
            the Store
          </dd>
        ) : null}
      </div>
      <div className="rounded-2xl border border-ink-200 bg-white p-4">
        <dt className="text-xs font-medium text-ink-600">Short in the Store</dt>
        <dd className="mt-1 text-lg font-semibold text-ink-950">
          {bom.shortages.length === 0 ? 'Nothing' : `${bom.shortages.length} short`}
        </dd>
        {bom.shortages.map((short) => (
          <dd key={short.itemId} className="text-xs text-amber-800">
            {short.name}: {short.stock} of {short.needed} in stock
          </dd>
        ))}
      </div>
    </dl>
  );
}

/** What a CSV import kept, and each line it did not with why. */
export function ImportReport({
  result,
  onClose,
}: {
  result: BomImportResult;
  onClose: () => void;
}) {
  return (
    <div role="status" className="rounded-2xl border border-ink-200 bg-white p-4 text-sm">
      <div className="flex items-start justify-between gap-3">
        <p className="font-medium text-ink-950">
          Imported {result.imported} item{result.imported === 1 ? '' : 's'}
          {result.rejected.length > 0
            ? `; ${result.rejected.length} line${result.rejected.length === 1 ? ' was' : 's were'} not imported:`
            : '.'}
        </p>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Dismiss
        </Button>
      </div>
      {result.rejected.length > 0 ? (
        <ul className="mt-2 space-y-1 text-red-700">
          {result.rejected.map((row) => (
            <li key={row.line}>
              Line {row.line}: {row.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
