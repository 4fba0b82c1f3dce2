import type { BomImportResult, BomItem } from '@makrx/contracts';
import { ApiError, ServiceErrorState } from '@makrx/spa-kit';
import {
  AlertIcon,
  Button,
  ChipIcon,
  ConfirmDialog,
  EmptyState,
  LockIcon,
  ShoppingBagIcon,
  Skeleton,
} from '@makrx/ui';
import { useRef, useState, type ReactNode } from 'react';
import { formatMoney } from '../../../money';
import { refusalOf, useBom, useBomActions, useBomExport } from '../api';
import { BomItemDialog } from './bom-item-dialog';
import { ImportReport, Totals } from './bom-summary';
import { BomTable } from './bom-table';

type Editing = { item: BomItem | null } | null;

function PanelFrame({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby="bom-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="bom-heading" className="text-xl font-semibold text-ink-950">
            Bill of materials
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            What the build needs, matched to MakrX.Store prices and stock.
          </p>
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A project's bill of materials: its items with the Store's live price and stock, the total and
 * what is short, and for its owner and editors the changes, CSV import and export, and ordering
 * from the Store. `canEdit: false` hides the editing controls even from an editor; by default
 * the service's answer decides.
 */
export function BomPanel({ projectSlug, canEdit }: { projectSlug: string; canEdit?: boolean }) {
  const bom = useBom(projectSlug);
  const actions = useBomActions(projectSlug);
  const exporter = useBomExport(projectSlug);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<BomItem | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<BomImportResult | null>(null);
  const file = useRef<HTMLInputElement>(null);

  if (bom.isPending) {
    return (
      <PanelFrame>
        <div aria-busy="true">
          <span className="sr-only">Loading the bill of materials…</span>
          <Skeleton className="h-20 rounded-2xl" />
          <Skeleton className="mt-3 h-48 rounded-2xl" />
        </div>
      </PanelFrame>
    );
  }
  if (bom.error instanceof ApiError && (bom.error.status === 401 || bom.error.status === 403)) {
    // Project management is a makerspace member's feature (spec 4): others read the project only.
    return (
      <PanelFrame>
        <EmptyState
          titleAs="h3"
          icon={<LockIcon />}
          title={
            bom.error.status === 401
              ? 'Sign in to see the bill of materials'
              : 'The bill of materials is for makerspace members'
          }
          description={
            bom.error.status === 401
              ? 'Members of a MakrCave makerspace see what this build needs, with Store prices and stock.'
              : 'Join a makerspace on MakrCave to see what this build needs, with Store prices and stock.'
          }
        />
      </PanelFrame>
    );
  }
  if (bom.isError) {
    return (
      <PanelFrame>
        <ServiceErrorState
          error={bom.error}
          subject="the bill of materials"
          onRetry={() => void bom.refetch()}
        />
      </PanelFrame>
    );
  }

  const view = bom.data;
  const editable = canEdit !== false && view.caller.canEdit;
  const picking = view.caller.canQuickReorder || view.caller.purchaseAs !== null;
  const pickedIds = view.items.filter((item) => picked.has(item.id)).map((item) => item.id);
  const ordering = actions.quickReorder.isPending || actions.purchase.isPending;
  const orderError = actions.quickReorder.error ?? actions.purchase.error;
  const startEditing = (item: BomItem | null) => {
    actions.save.reset();
    setEditing({ item });
  };
  const readFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setReport(null);
    actions.importCsv.mutate(await chosen.text(), { onSuccess: setReport });
    if (file.current) file.current.value = '';
  };

  const toolbar = editable ? (
    <div className="flex flex-wrap gap-2">
      <input
        ref={file}
        type="file"
        accept=".csv,text/csv"
        className="sr-only"
        id="bom-import-file"
        aria-label="CSV file to import"
        onChange={(event) => void readFile(event.target.files?.[0])}
      />
      <Button
        size="sm"
        variant="secondary"
        disabled={actions.importCsv.isPending}
        onClick={() => file.current?.click()}
      >
        {actions.importCsv.isPending ? 'Importing…' : 'Import CSV'}
      </Button>
      {view.items.length > 0 ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate()}
        >
          Export CSV
        </Button>
      ) : null}
      <Button size="sm" onClick={() => startEditing(null)}>
        Add item
      </Button>
    </div>
  ) : view.items.length > 0 ? (
    <Button
      size="sm"
      variant="secondary"
      disabled={exporter.isPending}
      onClick={() => exporter.mutate()}
    >
      Export CSV
    </Button>
  ) : null;

  return (
    <PanelFrame actions={toolbar}>
      {view.notice ? (
        <p
          role="status"
          className="flex items-start gap-2 rounded-2xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {view.notice}
        </p>
      ) : null}
      {actions.importCsv.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {refusalOf(actions.importCsv.error)}
        </p>
      ) : null}
      {report ? <ImportReport result={report} onClose={() => setReport(null)} /> : null}
      {view.items.length === 0 ? (
        <EmptyState
          titleAs="h3"
          icon={<ChipIcon />}
          title="No materials listed yet"
          description={
            editable
              ? 'List the parts this build needs — by hand or from a CSV file with name, quantity, unit, SKU, supplier and notes columns. Items with a Store code show live prices and stock, and can be ordered in one go.'
              : 'The maker has not listed the parts for this build yet.'
          }
          action={
            editable ? (
              <div className="flex flex-wrap justify-center gap-2">
                <Button onClick={() => startEditing(null)}>Add the first item</Button>
                <Button variant="secondary" onClick={() => file.current?.click()}>
                  Import a CSV file
                </Button>
              </div>
            ) : undefined
          }
        />
      ) : (
        <>
          <Totals bom={view} />
          {picking ? (
            <div className="flex flex-wrap items-center gap-2 rounded-2xl border border-ink-200 bg-ink-50 p-3">
              <p className="mr-auto text-sm text-ink-700">
                {pickedIds.length === 0
                  ? 'Pick needed items with a Store code to order them.'
                  : `${pickedIds.length} item${pickedIds.length === 1 ? '' : 's'} picked`}
              </p>
              {view.caller.canQuickReorder ? (
                <Button
                  size="sm"
                  disabled={pickedIds.length === 0 || ordering}
                  onClick={() =>
                    actions.quickReorder.mutate(pickedIds, {
                      // The Store's cart, already filled; the maker checks out there.
                      onSuccess: (result) => window.location.assign(result.cartUrl),
                    })
                  }
                >
                  <ShoppingBagIcon className="size-4" aria-hidden="true" />
                  {actions.quickReorder.isPending
                    ? 'Filling your cart…'
                    : 'Order from Store (Quick Reorder)'}
                </Button>
              ) : null}
              {view.caller.purchaseAs ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pickedIds.length === 0 || ordering}
                  onClick={() =>
                    actions.purchase.mutate(
                      {
                        makerspaceSlug: view.caller.purchaseAs!.makerspaceSlug,
                        itemIds: pickedIds,
                      },
                      { onSuccess: () => setPicked(new Set()) },
                    )
                  }
                >
                  {actions.purchase.isPending ? 'Ordering…' : 'Order on makerspace account'}
                </Button>
              ) : null}
            </div>
          ) : null}
          {orderError ? (
            <p role="alert" className="text-sm text-red-700">
              {refusalOf(orderError)}
            </p>
          ) : null}
          {actions.purchase.data ? (
            <p role="status" className="text-sm text-emerald-800">
              Ordered on the makerspace account: order {actions.purchase.data.orderNumber} (
              {formatMoney(actions.purchase.data.totalCents, actions.purchase.data.currency)}).
            </p>
          ) : null}
          <BomTable
            items={view.items}
            editable={editable}
            picking={picking}
            picked={picked}
            busy={actions.save.isPending || actions.remove.isPending}
            onPick={(id, on) =>
              setPicked((now) => {
                const next = new Set(now);
                if (on) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onEdit={startEditing}
            onRemove={setRemoving}
            onStatus={(item, status) => actions.save.mutate({ id: item.id, status })}
          />
          {actions.save.isError && editing === null ? (
            <p role="alert" className="text-sm text-red-700">
              {refusalOf(actions.save.error)}
            </p>
          ) : null}
        </>
      )}
      <BomItemDialog
        open={editing !== null}
        item={editing?.item ?? null}
        pending={actions.save.isPending}
        error={actions.save.isError ? refusalOf(actions.save.error) : undefined}
        onCancel={() => setEditing(null)}
        onSave={(fields) =>
          actions.save.mutate(
            { ...(editing?.item ? { id: editing.item.id } : {}), ...fields },
            { onSuccess: () => setEditing(null) },
          )
        }
      />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ''}”?`}
        confirmLabel="Remove item"
        pendingLabel="Removing…"
        tone="danger"
        pending={actions.remove.isPending}
        error={actions.remove.isError ? refusalOf(actions.remove.error) : undefined}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && actions.remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })
        }
      >
        It leaves the bill of materials; you can add it again later.
      </ConfirmDialog>
    </PanelFrame>
  );
}
