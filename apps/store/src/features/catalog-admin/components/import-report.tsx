import type { CatalogImportReport } from '@makrx/contracts';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl border border-ink-200 bg-white px-4 py-3">
      <dt className="text-xs text-ink-600">{label}</dt>
      <dd className="mt-0.5 text-xl font-bold text-ink-950 tabular-nums">{value}</dd>
    </div>
  );
}

/** What an import did (or would do, on a dry run), and every rejected line with its reason. */
export function ImportReport({ report }: { report: CatalogImportReport }) {
  const accepted = report.rows - report.rejected.length;
  return (
    <section aria-labelledby="import-report-title" className="mt-8" aria-live="polite">
      <h2 id="import-report-title" className="text-lg font-bold text-ink-950">
        {report.dryRun ? 'Dry run: nothing was changed' : 'Import finished'}
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        {accepted} of {report.rows} rows {report.dryRun ? 'would be imported' : 'imported'};{' '}
        {report.rejected.length} rejected.
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Products created" value={report.productsCreated} />
        <Stat label="Products updated" value={report.productsUpdated} />
        <Stat label="Variants created" value={report.variantsCreated} />
        <Stat label="Variants updated" value={report.variantsUpdated} />
      </dl>
      {report.rejected.length > 0 ? (
        <div className="mt-6 overflow-x-auto rounded-2xl border border-red-200 bg-white">
          <table className="w-full min-w-[480px] text-left text-sm">
            <caption className="border-b border-red-200 bg-red-50 px-4 py-3 text-left font-semibold text-red-900">
              Rejected rows
            </caption>
            <thead className="text-xs font-semibold tracking-wide text-ink-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Line
                </th>
                <th scope="col" className="px-4 py-2">
                  SKU
                </th>
                <th scope="col" className="px-4 py-2">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {report.rejected.map((row) => (
                <tr key={`${row.line}-${row.sku}`}>
                  <td className="px-4 py-2 tabular-nums">{row.line}</td>
                  <td className="px-4 py-2 font-mono">{row.sku ?? '—'}</td>
                  <td className="px-4 py-2 text-ink-800">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
