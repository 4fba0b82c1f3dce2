import type { MachineSummary, PrintQuality, ProviderOfferingRow } from '@makrx/contracts';
import {
  Badge,
  Button,
  currencyLabel,
  FormDialog,
  FormField,
  inputClasses,
  minorUnitDigits,
} from '@makrx/ui';
import { useState } from 'react';
import { formatMoney } from '../../../money';
import { useProviderActions } from '../api';
import { materialName, materialNames, qualityNames, refusalOf, sizeText } from '../presentation';

type Editing = { offering: ProviderOfferingRow | null } | null;

/**
 * The makerspace's offerings as a table: material and quality on which printer, at what
 * prices; add, change or remove. Prices are typed in the major unit of its currency.
 */
export function OfferingsPanel({
  slug,
  offerings,
  printers,
  currency,
}: {
  slug: string;
  offerings: ProviderOfferingRow[];
  printers: MachineSummary[];
  currency: string;
}) {
  const { saveOffering, deleteOffering } = useProviderActions(slug);
  const [editing, setEditing] = useState<Editing>(null);
  const digits = minorUnitDigits(currency);
  const minor = (value: FormDataEntryValue | null) => Math.round(Number(value ?? 0) * 10 ** digits);
  const major = (value: number) => value / 10 ** digits;
  const offering = editing?.offering ?? null;
  const withBed = printers.filter((printer) => printer.specifications.buildVolumeMm);
  return (
    <>
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-ink-600">
          {withBed.length === 0
            ? 'Add a 3D printer with its build volume under Equipment first.'
            : 'Each offering is one material at one quality on one of your printers.'}
        </p>
        <Button
          size="sm"
          disabled={withBed.length === 0}
          onClick={() => {
            saveOffering.reset();
            setEditing({ offering: null });
          }}
        >
          New offering
        </Button>
      </div>
      {offerings.length === 0 ? (
        <p className="mt-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          No offerings yet: customers cannot order prints from this makerspace until you add one.
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Offerings</caption>
            <thead className="bg-ink-50 text-xs tracking-wide text-ink-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Material
                </th>
                <th scope="col" className="px-4 py-3">
                  Machine
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Per kg
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Machine hour
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Setup / minimum
                </th>
                <th scope="col" className="px-4 py-3">
                  Lead time
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {offerings.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-3">
                    <span className="font-medium text-ink-950">
                      {materialName(row.materialKey)}
                    </span>{' '}
                    <span className="text-ink-600">{qualityNames[row.quality]}</span>{' '}
                    {row.active ? null : <Badge>Paused</Badge>}
                  </td>
                  <td className="px-4 py-3 text-ink-800">
                    {row.machine.name}
                    <span className="block text-xs text-ink-500">
                      {sizeText(row.machine.buildVolumeMm)}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMoney(row.pricePerKg, row.currency)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMoney(row.machineHourlyRate, row.currency)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMoney(row.setupFee, row.currency)} /{' '}
                    {formatMoney(row.minimumCharge, row.currency)}
                  </td>
                  <td className="px-4 py-3 text-ink-800">
                    {row.leadTimeDays} {row.leadTimeDays === 1 ? 'day' : 'days'}
                  </td>
                  <td className="px-4 py-3 text-right whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit ${materialName(row.materialKey)} ${qualityNames[row.quality]} on ${row.machine.name}`}
                      onClick={() => {
                        saveOffering.reset();
                        setEditing({ offering: row });
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={deleteOffering.isPending}
                      aria-label={`Remove ${materialName(row.materialKey)} ${qualityNames[row.quality]} on ${row.machine.name}`}
                      onClick={() => deleteOffering.mutate(row.id)}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleteOffering.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {refusalOf(deleteOffering.error)}
        </p>
      ) : null}
      <FormDialog
        open={editing !== null}
        title={offering ? 'Change offering' : 'New offering'}
        description={`Prices are in the makerspace’s currency (${currency}).`}
        submitLabel={offering ? 'Save offering' : 'Add offering'}
        pendingLabel="Saving…"
        pending={saveOffering.isPending}
        error={saveOffering.isError ? refusalOf(saveOffering.error) : undefined}
        onCancel={() => setEditing(null)}
        onSubmit={(form) =>
          saveOffering.mutate(
            {
              ...(offering ? { id: offering.id } : {}),
              materialKey: String(form.get('materialKey')),
              quality: String(form.get('quality')) as PrintQuality,
              equipmentId: String(form.get('equipmentId')),
              pricePerKg: minor(form.get('pricePerKg')),
              machineHourlyRate: minor(form.get('machineHourlyRate')),
              setupFee: minor(form.get('setupFee')),
              minimumCharge: minor(form.get('minimumCharge')),
              leadTimeDays: Number(form.get('leadTimeDays')),
              defaultInfillPercent: Number(form.get('defaultInfillPercent')),
              validityHours: Number(form.get('validityHours')),
              quantityDiscounts: offering?.quantityDiscounts ?? [],
              active: form.get('active') === 'on',
            },
            { onSuccess: () => setEditing(null) },
          )
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Material">
            {(field) => (
              <select
                {...field}
                name="materialKey"
                defaultValue={offering?.materialKey ?? 'pla'}
                className={inputClasses}
              >
                {Object.entries(materialNames).map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Quality">
            {(field) => (
              <select
                {...field}
                name="quality"
                defaultValue={offering?.quality ?? 'standard'}
                className={inputClasses}
              >
                {Object.entries(qualityNames).map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField label="Printer">
          {(field) => (
            <select
              {...field}
              name="equipmentId"
              defaultValue={offering?.machine.equipmentId ?? withBed[0]?.id}
              className={inputClasses}
            >
              {withBed.map((printer) => (
                <option key={printer.id} value={printer.id}>
                  {printer.name} ({sizeText(printer.specifications.buildVolumeMm!)})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ['pricePerKg', 'Material per kg', offering?.pricePerKg],
              ['machineHourlyRate', 'Machine per hour', offering?.machineHourlyRate],
              ['setupFee', 'Setup fee', offering?.setupFee ?? 0],
              ['minimumCharge', 'Minimum charge', offering?.minimumCharge ?? 0],
            ] as const
          ).map(([name, label, value]) => (
            <FormField key={name} label={`${label} (${currencyLabel(currency)})`}>
              {(field) => (
                <input
                  {...field}
                  name={name}
                  type="number"
                  required
                  min={0}
                  step={10 ** -digits}
                  defaultValue={value === undefined ? undefined : major(value)}
                  className={inputClasses}
                />
              )}
            </FormField>
          ))}
          <FormField label="Lead time (days)">
            {(field) => (
              <input
                {...field}
                name="leadTimeDays"
                type="number"
                required
                min={0}
                max={60}
                defaultValue={offering?.leadTimeDays ?? 3}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Default infill (%)">
            {(field) => (
              <input
                {...field}
                name="defaultInfillPercent"
                type="number"
                required
                min={0}
                max={100}
                defaultValue={offering?.defaultInfillPercent ?? 20}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Quotes valid for (hours)">
            {(field) => (
              <input
                {...field}
                name="validityHours"
                type="number"
                required
                min={1}
                max={720}
                defaultValue={offering?.validityHours ?? 72}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm text-ink-800">
          <input
            type="checkbox"
            name="active"
            defaultChecked={offering?.active ?? true}
            className="size-4"
          />
          Offered to customers now
        </label>
      </FormDialog>
    </>
  );
}
