'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, ErrorState } from '@makrx/ui';
import { analyseInBrowser } from '../browser-analysis';
import { atScale, INCH, type AnalysisView } from '../model-analysis';
import { fileProblem } from '../print-files';
import type { PreviewModel } from '@makrx/model-viewer';
import { createSpeedMeter } from '../speed-meter';
import { startModelUpload, type ModelUploadHandle } from '../tus-upload';
import { fetchQuotes, fetchUploadAnalysis, sendUnits } from '../upload-api';
import type { UploadRefusal } from '../upload-errors';
import { AnalysisPanel, describeAnalysis } from './analysis-panel';
import { DropZone } from './drop-zone';
import { ModelPreview } from './model-preview';
import { QuotesPanel, type QuotesState } from './quotes-panel';
import { UploadProgress, type UploadPhase } from './upload-progress';

type BrowserAnalysis =
  | { phase: 'running' }
  | { phase: 'done'; analysis: AnalysisView; model: PreviewModel }
  | { phase: 'failed'; code: string; message: string };

interface UploadState {
  phase: UploadPhase;
  bytesSent: number;
  bytesTotal: number;
  bytesPerSecond: number;
  uploadId?: string;
  refusal?: UploadRefusal;
}

/** The store's analysis: null when it answered without one (the browser's stays). */
type ServerAnalysis =
  | { phase: 'idle' | 'loading' }
  | { phase: 'done'; analysis: AnalysisView | null }
  | { phase: 'failed'; refusal: UploadRefusal };

const rescaleProblem = (refusal: UploadRefusal) =>
  `The store could not rescale the model: ${refusal.message}`;

/**
 * The print page's working part: the customer picks or drops a model; it uploads over tus
 * while a Web Worker analyses the same file, so the preview and the analysis show before the
 * upload ends; then the store's own analysis replaces the browser's and the quotes come.
 */
export function PrintStudio({
  maxBytes,
  projectId,
}: {
  maxBytes: number;
  /** The MakrCave project the print is for, if the customer came from one. */
  projectId?: string | undefined;
}) {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [browser, setBrowser] = useState<BrowserAnalysis | undefined>(undefined);
  const [upload, setUpload] = useState<UploadState | undefined>(undefined);
  const [server, setServer] = useState<ServerAnalysis>({ phase: 'idle' });
  const [units, setUnits] = useState<'mm' | 'inch' | undefined>(undefined);
  const [unitsBusy, setUnitsBusy] = useState(false);
  const [unitsProblem, setUnitsProblem] = useState<string | undefined>(undefined);
  const [quantity, setQuantity] = useState(1);
  const [quotes, setQuotes] = useState<QuotesState>({ phase: 'loading' });

  const handle = useRef<ModelUploadHandle | undefined>(undefined);
  const analysis = useRef<{ stop(): void } | undefined>(undefined);
  /** Bumped at each new file, cancel and start-over: answers about an earlier one are dropped. */
  const attempt = useRef(0);
  /** "It's in inches" said while the file was still uploading: sent once it is accepted. */
  const pendingUnits = useRef<'mm' | 'inch' | undefined>(undefined);

  const stopAll = useCallback(() => {
    attempt.current += 1;
    analysis.current?.stop();
    analysis.current = undefined;
    void handle.current?.cancel();
    handle.current = undefined;
  }, []);

  // Leaving the page pauses the upload rather than removing it: coming back resumes it.
  useEffect(
    () => () => {
      attempt.current += 1;
      analysis.current?.stop();
      handle.current?.pause();
    },
    [],
  );

  const loadQuotes = useCallback(async (uploadId: string, count: number) => {
    const mine = attempt.current;
    setQuotes({ phase: 'loading' });
    const outcome = await fetchQuotes(uploadId, count);
    if (mine !== attempt.current) return;
    setQuotes(
      outcome.ok
        ? { phase: 'ready', quotes: outcome.value }
        : { phase: 'failed', refusal: outcome.refusal },
    );
  }, []);

  const afterUpload = useCallback(
    async (uploadId: string) => {
      const mine = attempt.current;
      setServer({ phase: 'loading' });
      let outcome = pendingUnits.current === 'inch' ? await sendUnits(uploadId, 'inch') : undefined;
      if (mine !== attempt.current) return;
      pendingUnits.current = undefined;
      if (outcome && !outcome.ok) {
        setUnitsProblem(rescaleProblem(outcome.refusal));
        setUnits('mm');
        outcome = undefined;
      }
      outcome ??= await fetchUploadAnalysis(uploadId);
      if (mine !== attempt.current) return;
      if (!outcome.ok) {
        setServer({ phase: 'failed', refusal: outcome.refusal });
        return;
      }
      setServer({ phase: 'done', analysis: outcome.value });
      await loadQuotes(uploadId, quantity);
    },
    [loadQuotes, quantity],
  );

  const onFile = (picked: File) => {
    const why = fileProblem(picked, maxBytes);
    setProblem(why);
    if (why) return;
    stopAll();
    const mine = attempt.current;
    pendingUnits.current = undefined;
    setFile(picked);
    setUnits(undefined);
    setUnitsProblem(undefined);
    setServer({ phase: 'idle' });
    setQuotes({ phase: 'loading' });
    setBrowser({ phase: 'running' });
    setUpload({ phase: 'uploading', bytesSent: 0, bytesTotal: picked.size, bytesPerSecond: 0 });

    analysis.current = analyseInBrowser(picked, (answer) => {
      if (mine !== attempt.current) return;
      if (answer.type === 'analysed') {
        const { positions, overhangFlags, thinWallFlags } = answer;
        setBrowser({
          phase: 'done',
          analysis: answer.analysis,
          model: { positions, overhangFlags, thinWallFlags },
        });
        return;
      }
      setBrowser({ phase: 'failed', code: answer.code, message: answer.message });
      if (answer.code === 'ANALYSIS_FAILED') return;
      // The file itself cannot be read: the store would refuse it too, so nothing more is sent.
      void handle.current?.cancel();
      setUpload((u) => (u && u.phase !== 'done' ? { ...u, phase: 'failed' } : u));
    });

    const meter = createSpeedMeter();
    handle.current = startModelUpload(picked, {
      onProgress: (sent, total) => {
        if (mine !== attempt.current) return;
        const speed = meter.record(performance.now(), sent);
        const phase = sent >= total ? 'checking' : 'uploading';
        setUpload((u) =>
          u ? { ...u, phase, bytesSent: sent, bytesTotal: total, bytesPerSecond: speed } : u,
        );
      },
      onOffline: () => {
        if (mine !== attempt.current) return;
        meter.reset();
        setUpload((u) => (u ? { ...u, phase: 'offline', bytesPerSecond: 0 } : u));
      },
      onSuccess: (uploadId) => {
        if (mine !== attempt.current) return;
        setUpload((u) => (u ? { ...u, phase: 'done', uploadId, bytesSent: u.bytesTotal } : u));
        void afterUpload(uploadId);
      },
      onRefused: (refusal) => {
        if (mine !== attempt.current) return;
        setUpload((u) => (u ? { ...u, phase: 'failed', refusal } : u));
      },
    });
  };

  const cancel = () => {
    stopAll();
    setUpload((u) => (u ? { ...u, phase: 'cancelled', bytesPerSecond: 0 } : u));
    setBrowser((b) => (b?.phase === 'running' ? undefined : b));
  };

  const startOver = () => {
    stopAll();
    setFile(undefined);
    setBrowser(undefined);
    setUpload(undefined);
    setServer({ phase: 'idle' });
    setUnits(undefined);
    setProblem(undefined);
  };

  const uploadId = upload?.phase === 'done' ? upload.uploadId : undefined;

  const onUnits = async (chosen: 'mm' | 'inch') => {
    const before = units;
    setUnits(chosen);
    setUnitsProblem(undefined);
    if (!uploadId) {
      pendingUnits.current = chosen;
      return;
    }
    const mine = attempt.current;
    setUnitsBusy(true);
    const outcome = await sendUnits(uploadId, chosen);
    setUnitsBusy(false);
    if (mine !== attempt.current) return;
    if (!outcome.ok) {
      setUnits(before);
      setUnitsProblem(rescaleProblem(outcome.refusal));
      return;
    }
    setServer({ phase: 'done', analysis: outcome.value });
    await loadQuotes(uploadId, quantity);
  };

  const onQuantity = (count: number) => {
    setQuantity(count);
    if (uploadId) void loadQuotes(uploadId, count);
  };

  if (!file || !upload) {
    return <DropZone maxBytes={maxBytes} onFile={onFile} problem={problem} />;
  }

  const localScale = units === 'inch' ? INCH : 1;
  const serverAnalysis = server.phase === 'done' ? server.analysis : undefined;
  const shown =
    serverAnalysis ??
    (browser?.phase === 'done' ? atScale(browser.analysis, localScale) : undefined);
  const parseFailure =
    browser?.phase === 'failed' && browser.code !== 'ANALYSIS_FAILED' ? browser : undefined;
  const refusal = upload.refusal;
  const serverFailure = server.phase === 'failed' ? server.refusal : undefined;

  return (
    <div className="space-y-8">
      <UploadProgress
        fileName={file.name}
        phase={upload.phase}
        bytesSent={upload.bytesSent}
        bytesTotal={upload.bytesTotal}
        bytesPerSecond={upload.bytesPerSecond}
        onCancel={cancel}
      />

      {parseFailure ? (
        <ErrorState
          title="This file cannot be printed as it is"
          description={parseFailure.message}
          code={parseFailure.code}
          action={<Button onClick={startOver}>Choose another file</Button>}
        />
      ) : refusal ? (
        <ErrorState
          title="The store did not accept this file"
          description={refusal.message}
          code={refusal.code}
          action={<Button onClick={startOver}>Choose another file</Button>}
        />
      ) : serverFailure && uploadId ? (
        <ErrorState
          title="The store’s analysis could not be loaded"
          description={serverFailure.message}
          code={serverFailure.code}
          action={<Button onClick={() => void afterUpload(uploadId)}>Try again</Button>}
        />
      ) : upload.phase === 'cancelled' ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-ink-200 bg-ink-50 p-4 text-sm text-ink-700">
          <p>The upload was cancelled and nothing of it is kept.</p>
          <Button variant="secondary" onClick={startOver}>
            Upload a file
          </Button>
        </div>
      ) : null}

      {!parseFailure && browser?.phase === 'done' && shown ? (
        <div className="grid items-start gap-8 lg:grid-cols-[1.15fr_1fr]">
          <ModelPreview
            model={browser.model}
            unitScale={shown.unitScale}
            dimensions={shown.dimensions}
            hasThinWallCheck={browser.model.thinWallFlags !== null}
            description={describeAnalysis(shown)}
          />
          <AnalysisPanel
            analysis={shown}
            onUnits={(u) => void onUnits(u)}
            unitsBusy={unitsBusy}
            unitsProblem={unitsProblem}
          />
        </div>
      ) : null}
      {browser?.phase === 'running' && upload.phase !== 'cancelled' ? (
        <p className="text-sm text-ink-600" role="status">
          Analysing the model in your browser…
        </p>
      ) : null}
      {browser?.phase === 'failed' && !parseFailure ? (
        <p className="text-sm text-ink-600" role="status">
          {browser.message}
        </p>
      ) : null}

      {uploadId && server.phase === 'done' ? (
        <QuotesPanel
          uploadId={uploadId}
          quantity={quantity}
          onQuantity={onQuantity}
          state={quotes}
          onRetry={() => void loadQuotes(uploadId, quantity)}
          projectId={projectId}
        />
      ) : null}

      {upload.phase === 'done' && !parseFailure && !serverFailure ? (
        <p className="text-sm">
          <button
            type="button"
            className="font-semibold text-accent-700 hover:text-accent-900"
            onClick={startOver}
          >
            Upload another file
          </button>
        </p>
      ) : null}
    </div>
  );
}
