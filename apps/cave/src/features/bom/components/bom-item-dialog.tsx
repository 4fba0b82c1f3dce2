import type { BomItem } from '@makrx/contracts';
import { FormDialog, FormField, inputClasses } from '@makrx/ui';

export interface BomItemFields {
  name: string;
  quantity: number;
  unit: string;
  code: string | null;
  supplier: string | null;
  notes: string | null;
}

/** Adds an item, or changes one: the fields a maker writes (the status has its own control). */
export function BomItemDialog({
  open,
  item,
  pending,
  error,
  onSave,
  onCancel,
}: {
  open: boolean;
  item: BomItem | null;
  pending: boolean;
  error?: string;
  onSave: (fields: BomItemFields) => void;
  onCancel: () => void;
}) {
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
  return (
    <FormDialog
      open={open}
      title={item ? `Change “${item.name}”` : 'Add a BOM item'}
      description="A Store product code (SKU) links the item to the Store's price and stock."
      submitLabel={item ? 'Save item' : 'Add item'}
      pendingLabel="Saving…"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={(form) =>
        onSave({
          name: text(form, 'name'),
          quantity: Number(text(form, 'quantity')),
          unit: text(form, 'unit') || 'pcs',
          code: text(form, 'code').toUpperCase() || null,
          supplier: text(form, 'supplier') || null,
          notes: text(form, 'notes') || null,
        })
      }
    >
      {/* Keyed by the item, so opening another item starts from its own values. */}
      <div key={item?.id ?? 'new'} className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormField label="Name">
            {(field) => (
              <input
                {...field}
                name="name"
                required
                maxLength={200}
                defaultValue={item?.name ?? ''}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <FormField label="Quantity">
          {(field) => (
            <input
              {...field}
              name="quantity"
              type="number"
              required
              min={0.001}
              step={0.001}
              defaultValue={item?.quantity ?? 1}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Unit">
          {(field) => (
            <input
              {...field}
              name="unit"
              maxLength={20}
              defaultValue={item?.unit ?? 'pcs'}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Store product code (SKU)" hint="Optional, e.g. FIL-PLA-GBK-1000">
          {(field) => (
            <input
              {...field}
              name="code"
              maxLength={64}
              pattern="[A-Za-z0-9][A-Za-z0-9\-]*"
              defaultValue={item?.code ?? ''}
              className={`${inputClasses} font-mono uppercase`}
            />
          )}
        </FormField>
        <FormField label="Preferred supplier">
          {(field) => (
            <input
              {...field}
              name="supplier"
              maxLength={120}
              defaultValue={item?.supplier ?? ''}
              className={inputClasses}
            />
          )}
        </FormField>
        <div className="sm:col-span-2">
          <FormField label="Notes">
            {(field) => (
              <textarea
                {...field}
                name="notes"
                rows={2}
                maxLength={1000}
                defaultValue={item?.notes ?? ''}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
      </div>
    </FormDialog>
  );
}
