'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { ModelQuotes } from '@makrx/contracts';
import {
  ArrowRightIcon,
  buttonClasses,
  cx,
  EmptyState,
  ErrorState,
  PrinterIcon,
  Skeleton,
} from '@makrx/ui';
import {
  materialsOf,
  MAX_QUANTITY,
  parseQuantity,
  quoteKey,
  quoteSummaryHref,
  sortQuotes,
  type QuoteSort,
} from '../quotes';
import type { UploadRefusal } from '../upload-errors';
import { QuoteFacts } from './quote-card';

export type QuotesState =
  | { phase: 'loading' }
  | { phase: 'ready'; quotes: ModelQuotes }
  | { phase: 'failed'; refusal: UploadRefusal };

export interface QuotesPanelProps {
  uploadId: string;
  quantity: number;
  onQuantity(quantity: number): void;
  state: QuotesState;
  onRetry(): void;
  /** The MakrCave project the print is for, carried to the quote's summary. */
  projectId?: string | undefined;
}

/** The quotes for the accepted upload: quantity, sorting, each quote, and the next step. */
export function QuotesPanel({
  uploadId,
  quantity,
  onQuantity,
  state,
  onRetry,
  projectId,
}: QuotesPanelProps) {
  const [sort, setSort] = useState<QuoteSort>('price');
  const [material, setMaterial] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState(String(quantity));
  const quantityId = useId();
  const quantityError = parseQuantity(typed) === undefined;

  return (
    <section aria-labelledby="quotes-heading" className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="quotes-heading" className="text-xl font-bold text-ink-950">
            Quotes
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            From makerspaces and print shops with the material and a machine the part fits.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <form
            className="flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = parseQuantity(typed);
              if (parsed !== undefined) onQuantity(parsed);
            }}
          >
            <label htmlFor={quantityId} className="text-sm font-medium text-ink-800">
              Quantity
              <input
                id={quantityId}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                onBlur={() => {
                  const parsed = parseQuantity(typed);
                  if (parsed !== undefined && parsed !== quantity) onQuantity(parsed);
                }}
                aria-invalid={quantityError}
                aria-describedby={quantityError ? `${quantityId}-error` : undefined}
                className="mt-1 block w-24 rounded-lg border border-ink-300 px-3 py-2 text-sm tabular-nums focus:border-accent-600 focus:ring-2 focus:ring-accent-600/20 focus:outline-none"
              />
            </label>
            <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'md' })}>
              Update
            </button>
          </form>
          {state.phase === 'ready' && materialsOf(state.quotes.quotes).length > 1 ? (
            <label className="text-sm font-medium text-ink-800">
              Material
              <select
                value={material}
                onChange={(event) => setMaterial(event.target.value)}
                className="mt-1 block rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:ring-2 focus:ring-accent-600/20 focus:outline-none"
              >
                <option value="">All materials ({state.quotes.quotes.length})</option>
                {materialsOf(state.quotes.quotes).map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.name} ({option.count})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="text-sm font-medium text-ink-800">
            Sort by
            <select
              value={sort}
              onChange={(event) => setSort(event.target.value as QuoteSort)}
              className="mt-1 block rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:ring-2 focus:ring-accent-600/20 focus:outline-none"
            >
              <option value="price">Lowest price</option>
              <option value="lead-time">Soonest ready</option>
            </select>
          </label>
        </div>
      </div>
      {quantityError ? (
        <p id={`${quantityId}-error`} className="text-sm font-medium text-red-700" role="alert">
          Enter a whole number from 1 to {MAX_QUANTITY}.
        </p>
      ) : null}

      {state.phase === 'loading' ? (
        <div className="space-y-3" aria-busy="true" aria-label="Loading quotes">
          <Skeleton className="h-36 w-full rounded-2xl" />
          <Skeleton className="h-36 w-full rounded-2xl" />
        </div>
      ) : null}

      {state.phase === 'failed' ? (
        <ErrorState
          title="Quotes could not be made"
          description={state.refusal.message}
          code={state.refusal.code}
          action={
            <button type="button" className={buttonClasses()} onClick={onRetry}>
              Try again
            </button>
          }
        />
      ) : null}

      {state.phase === 'ready' && state.quotes.quotes.length === 0 ? (
        <EmptyState
          icon={<PrinterIcon />}
          title="No provider can make this part yet"
          description={
            state.quotes.unavailable.length > 0 ? (
              <ul className="mt-1 space-y-1 text-left">
                {state.quotes.unavailable.map((reason) => (
                  <li key={reason.offeringId}>
                    <span className="font-semibold text-ink-800">{reason.providerName}:</span>{' '}
                    {reason.message}
                  </li>
                ))}
              </ul>
            ) : (
              'No makerspace offers 3D printing here yet. Check back soon.'
            )
          }
        />
      ) : null}

      {state.phase === 'ready' && state.quotes.quotes.length > 0 ? (
        <fieldset>
          <legend className="sr-only">Choose a quote</legend>
          <ul className="space-y-3">
            {sortQuotes(
              state.quotes.quotes.filter((quote) => !material || quote.materialKey === material),
              sort,
            ).map((quote) => {
              const key = quoteKey(quote);
              const selected = chosen === key;
              return (
                <li
                  key={key}
                  className={cx(
                    'rounded-2xl border bg-white p-4 transition-shadow sm:p-5 motion-reduce:transition-none',
                    selected
                      ? 'border-accent-600 shadow-lift ring-1 ring-accent-600'
                      : 'border-ink-200',
                  )}
                >
                  <label className="mb-3 flex cursor-pointer items-center gap-2 text-sm font-semibold text-ink-900">
                    <input
                      type="radio"
                      name="quote"
                      value={key}
                      checked={selected}
                      onChange={() => setChosen(key)}
                      className="size-4 accent-accent-600"
                    />
                    Choose this quote
                  </label>
                  <QuoteFacts quote={quote} />
                  {selected ? (
                    <div className="mt-4 flex justify-end">
                      <Link
                        href={quoteSummaryHref(
                          uploadId,
                          quote.offeringId,
                          quote.quantity,
                          projectId,
                        )}
                        className={buttonClasses({ size: 'lg' })}
                      >
                        Order this print
                        <ArrowRightIcon />
                      </Link>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {state.quotes.unavailable.length > 0 ? (
            <details className="mt-4 text-sm text-ink-700">
              <summary className="cursor-pointer font-semibold text-ink-800">
                {state.quotes.unavailable.length} more{' '}
                {state.quotes.unavailable.length === 1 ? 'offer' : 'offers'} cannot make this part
              </summary>
              <ul className="mt-2 space-y-1">
                {state.quotes.unavailable.map((reason) => (
                  <li key={reason.offeringId}>
                    <span className="font-semibold">{reason.providerName}:</span> {reason.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </fieldset>
      ) : null}
    </section>
  );
}
