import type { BomItem, BomItemStatus, BomWarning } from '@makrx/contracts';
import { ArrowUpRightIcon, Badge, Button, type BadgeTone } from '@makrx/ui';
import { formatMoney } from '../../../money';

const statusTone: Record<BomItemStatus, BadgeTone> = {
  needed: 'warning',
  ordered: 'info',
  received: 'success',
};
const statusLabel: Record<BomItemStatus, string> = {
  needed: 'Needed',
  ordered: 'Ordered',
  received: 'Received',
};
const warningTone: Record<BomWarning['kind'], BadgeTone> = {
  out_of_stock: 'danger',
  low_stock: 'warning',
  price_changed: 'info',
};
const warningLabel: Record<BomWarning['kind'], string> = {
  out_of_stock: 'Out of stock',
  low_stock: 'Low stock',
  price_changed: 'Price changed',
};

const quantityText = (item: BomItem) =>
  `${new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(item.quantity)} ${item.unit}`;

function StoreColumn({ item }: { item: BomItem }) {
  if (!item.code) return <span className="text-ink-500">—</span>;
  if (item.unknownCode) return <span className="text-ink-500">Not sold in the Store</span>;
  if (!item.match) return <span className="text-ink-500">Not checked</span>;
  const { match } = item;
  return (
    <div>
      <span className="font-medium text-ink-950 tabular-nums">
        {formatMoney(match.priceCents, match.currency)}
      </span>
      <span className="block text-xs text-ink-600">
        {match.stock === null
          ? match.inStock
            ? 'In stock'
            : 'Stock unknown'
          : match.stock === 0
            ? 'Out of stock'
            : `${match.stock} in stock`}
        {match.source === 'synced' ? ' (last known)' : ''}
      </span>
    </div>
  );
}

export interface BomTableProps {
  items: BomItem[];
  editable: boolean;
  /** Shown while ordering is on: which items are picked for an order. */
  picking: boolean;
  picked: ReadonlySet<string>;
  onPick: (id: string, on: boolean) => void;
  onEdit: (item: BomItem) => void;
  onRemove: (item: BomItem) => void;
  onStatus: (item: BomItem, status: BomItemStatus) => void;
  busy: boolean;
}

interface ItemActionsProps {
  item: BomItem;
  /** Under the name on a phone, or in the actions column from `sm` up: one is shown at a time. */
  place: 'phone' | 'column';
  busy: boolean;
  onEdit: (item: BomItem) => void;
  onRemove: (item: BomItem) => void;
  onStatus: (item: BomItem, status: BomItemStatus) => void;
}

/** An editor's controls for one item: its status, edit and remove. */
function ItemActions({ item, place, busy, onEdit, onRemove, onStatus }: ItemActionsProps) {
  const statusId = `status-${place}-${item.id}`;
  return (
    <div
      className={
        place === 'column'
          ? 'flex items-center justify-end gap-1'
          : 'mt-2 flex flex-wrap items-center gap-1'
      }
    >
      <label className="sr-only" htmlFor={statusId}>
        Status of {item.name}
      </label>
      <select
        id={statusId}
        value={item.status}
        disabled={busy}
        onChange={(event) => onStatus(item, event.target.value as BomItemStatus)}
        className="rounded-md border border-ink-200 bg-white px-2 py-1 text-xs"
      >
        <option value="needed">Needed</option>
        <option value="ordered" disabled={item.status === 'received'}>
          Ordered
        </option>
        <option value="received">Received</option>
      </select>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Edit ${item.name}`}
        onClick={() => onEdit(item)}
      >
        Edit
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        aria-label={`Remove ${item.name}`}
        onClick={() => onRemove(item)}
      >
        Remove
      </Button>
    </div>
  );
}

/** The items as a table: what, how many, where from, its state, and what the Store says now. */
export function BomTable({
  items,
  editable,
  picking,
  picked,
  onPick,
  onEdit,
  onRemove,
  onStatus,
  busy,
}: BomTableProps) {
  return (
    // Relative: the cells' screen-reader-only labels stay inside the scrolling box, so a narrow
    // table scrolls on its own rather than widening the page.
    <div className="relative overflow-x-auto rounded-2xl border border-ink-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Bill of materials</caption>
        <thead className="bg-ink-50 text-xs tracking-wide whitespace-nowrap text-ink-600 uppercase">
          <tr>
            {picking ? (
              <th scope="col" className="w-10 px-4 py-3">
                <span className="sr-only">Pick</span>
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3">
              Item
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Quantity
            </th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Store code
            </th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Status
            </th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Price and stock
            </th>
            {editable ? (
              <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {items.map((item) => (
            <tr key={item.id} className="align-top">
              {picking ? (
                <td className="px-4 py-3">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-ink-300"
                    aria-label={`Pick ${item.name}`}
                    disabled={!item.code || item.status !== 'needed' || item.unknownCode}
                    checked={picked.has(item.id)}
                    onChange={(event) => onPick(item.id, event.target.checked)}
                  />
                </td>
              ) : null}
              <td className="px-4 py-3 sm:min-w-[11rem]">
                <span className="font-medium text-ink-950">{item.name}</span>
                {item.supplier ? (
                  <span className="block text-xs text-ink-600">From {item.supplier}</span>
                ) : null}
                {item.notes ? (
                  <span className="block max-w-xs text-xs text-ink-500">{item.notes}</span>
                ) : null}
                {/* On a phone the status, code and price sit under the name. */}
                <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs sm:hidden">
                  <Badge tone={statusTone[item.status]} dot>
                    {statusLabel[item.status]}
                    {item.orderNumber ? ` · ${item.orderNumber}` : ''}
                  </Badge>
                  {item.code ? <span className="font-mono text-ink-700">{item.code}</span> : null}
                  {item.match ? (
                    <span className="text-ink-700">
                      {formatMoney(item.match.priceCents, item.match.currency)}
                      {item.match.stock === null ? '' : ` · ${item.match.stock} in stock`}
                    </span>
                  ) : null}
                </div>
                {item.warnings.length > 0 ? (
                  <ul className="mt-1.5 space-y-1" aria-label={`Warnings for ${item.name}`}>
                    {item.warnings.map((warning) => (
                      <li key={warning.kind} className="text-xs text-ink-700">
                        <Badge tone={warningTone[warning.kind]} dot>
                          {warningLabel[warning.kind]}
                        </Badge>{' '}
                        {warning.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {editable ? (
                  <div className="sm:hidden">
                    <ItemActions
                      item={item}
                      place="phone"
                      busy={busy}
                      onEdit={onEdit}
                      onRemove={onRemove}
                      onStatus={onStatus}
                    />
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                {quantityText(item)}
              </td>
              <td className="hidden px-4 py-3 font-mono text-xs whitespace-nowrap sm:table-cell">
                {item.code ? (
                  item.match?.productUrl ? (
                    <a
                      href={item.match.productUrl}
                      className="inline-flex items-center gap-1 text-accent-700 hover:text-accent-900"
                      title={item.match.productName ?? undefined}
                    >
                      {item.code}
                      <ArrowUpRightIcon className="size-3.5" aria-hidden="true" />
                      <span className="sr-only">(open in the Store)</span>
                    </a>
                  ) : (
                    item.code
                  )
                ) : (
                  <span className="font-sans text-ink-500">—</span>
                )}
              </td>
              <td className="hidden px-4 py-3 whitespace-nowrap sm:table-cell">
                <Badge tone={statusTone[item.status]} dot>
                  {statusLabel[item.status]}
                </Badge>
                {item.orderNumber ? (
                  <span className="mt-1 block text-xs text-ink-600">Order {item.orderNumber}</span>
                ) : null}
              </td>
              <td className="hidden px-4 py-3 sm:table-cell">
                <StoreColumn item={item} />
              </td>
              {editable ? (
                <td className="hidden px-4 py-3 text-right whitespace-nowrap sm:table-cell">
                  <ItemActions
                    item={item}
                    place="column"
                    busy={busy}
                    onEdit={onEdit}
                    onRemove={onRemove}
                    onStatus={onStatus}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
