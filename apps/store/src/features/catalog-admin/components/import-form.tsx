'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { importCatalog, type ImportState } from '../actions';
import { ImportReport } from './import-report';

const fieldClasses =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 font-mono text-sm text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset focus:ring-2 focus:ring-accent-600 focus:outline-none';

/** The import form and, once sent, its report; a plain form post without JavaScript. */
export function ImportForm() {
  const [state, send, pending] = useActionState<ImportState, FormData>(importCatalog, {});
  return (
    <>
      <form
        action={send}
        className="space-y-4 rounded-2xl border border-ink-200 bg-white p-5 sm:p-6"
      >
        <div>
          <label htmlFor="csv-file" className="block text-sm font-medium text-ink-900">
            CSV file
          </label>
          <input
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="mt-1.5 block w-full text-sm text-ink-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ink-100 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-ink-900"
          />
        </div>
        <div>
          <label htmlFor="csv-text" className="block text-sm font-medium text-ink-900">
            Or paste the rows
          </label>
          <textarea
            id="csv-text"
            name="csv"
            rows={7}
            defaultValue={state.csv}
            placeholder={
              'sku,product_slug,name,category_slug,price,stock,options\nFIL-PLA-RED-1000,pla-red-1kg,"PLA, Red, 1 kg",filament,24.99,40,colour=Red;size=1 kg'
            }
            className={`mt-1.5 ${fieldClasses}`}
          />
        </div>
        <div className="flex items-center gap-2">
          <input
            id="dry-run"
            name="dryRun"
            type="checkbox"
            defaultChecked
            className="size-4 rounded border-ink-300"
          />
          <label htmlFor="dry-run" className="text-sm text-ink-900">
            Dry run: check the file and report, change nothing
          </label>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </Button>
      </form>
      {state.problem ? (
        <p
          role="alert"
          className="mt-6 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900"
        >
          {state.problem}
        </p>
      ) : null}
      {state.report ? <ImportReport report={state.report} /> : null}
    </>
  );
}
