'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { buttonClasses, ErrorState, Skeleton } from '@makrx/ui';
import type { AnalysisView } from '../model-analysis';
import { fetchQuotes, fetchUploadAnalysis, sendUnits } from '../upload-api';
import type { UploadRefusal } from '../upload-errors';
import { AnalysisPanel } from './analysis-panel';
import { QuotesPanel, type QuotesState } from './quotes-panel';

type Loaded =
  | { phase: 'loading' }
  | { phase: 'ready'; analysis: AnalysisView | null }
  | { phase: 'failed'; refusal: UploadRefusal };

/**
 * An upload the customer comes back to (from a quote's summary, `/print?upload=…`): the
 * store's analysis and the quotes again. The file itself stays on the store, so there is no
 * preview; uploading it again shows one.
 */
export function ReturnedUpload({
  uploadId,
  quantity: initial,
  projectId,
}: {
  uploadId: string;
  quantity: number;
  projectId?: string | undefined;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [quantity, setQuantity] = useState(initial);
  const [quotes, setQuotes] = useState<QuotesState>({ phase: 'loading' });
  const [unitsBusy, setUnitsBusy] = useState(false);
  const [unitsProblem, setUnitsProblem] = useState<string | undefined>(undefined);
  const latest = useRef(0);

  const loadQuotes = useCallback(
    async (count: number) => {
      const mine = ++latest.current;
      setQuotes({ phase: 'loading' });
      const outcome = await fetchQuotes(uploadId, count);
      if (mine !== latest.current) return;
      setQuotes(
        outcome.ok
          ? { phase: 'ready', quotes: outcome.value }
          : { phase: 'failed', refusal: outcome.refusal },
      );
    },
    [uploadId],
  );

  useEffect(() => {
    let current = true;
    void fetchUploadAnalysis(uploadId).then((outcome) => {
      if (!current) return;
      setLoaded(
        outcome.ok
          ? { phase: 'ready', analysis: outcome.value }
          : { phase: 'failed', refusal: outcome.refusal },
      );
    });
    void loadQuotes(initial);
    return () => {
      current = false;
    };
  }, [uploadId, initial, loadQuotes]);

  const onUnits = async (units: 'mm' | 'inch') => {
    setUnitsBusy(true);
    setUnitsProblem(undefined);
    const outcome = await sendUnits(uploadId, units);
    setUnitsBusy(false);
    if (!outcome.ok) {
      setUnitsProblem(`The store could not rescale the model: ${outcome.refusal.message}`);
      return;
    }
    setLoaded({ phase: 'ready', analysis: outcome.value });
    await loadQuotes(quantity);
  };

  if (loaded.phase === 'failed') {
    return (
      <ErrorState
        title="This upload could not be loaded"
        description={loaded.refusal.message}
        code={loaded.refusal.code}
        action={
          <Link href="/print" className={buttonClasses()}>
            Upload a model
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-ink-200 bg-white p-4 text-sm text-ink-700">
        <p>Your uploaded model, as the store analysed it.</p>
        <Link href="/print" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Upload another model
        </Link>
      </div>
      {loaded.phase === 'loading' ? (
        <Skeleton className="h-48 w-full rounded-2xl" />
      ) : loaded.analysis ? (
        <AnalysisPanel
          analysis={loaded.analysis}
          onUnits={(units) => void onUnits(units)}
          unitsBusy={unitsBusy}
          unitsProblem={unitsProblem}
        />
      ) : null}
      <QuotesPanel
        uploadId={uploadId}
        quantity={quantity}
        onQuantity={(count) => {
          setQuantity(count);
          void loadQuotes(count);
        }}
        state={quotes}
        onRetry={() => void loadQuotes(quantity)}
        projectId={projectId}
      />
    </div>
  );
}
