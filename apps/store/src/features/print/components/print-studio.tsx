'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { modelQuotes, modelUploadDetail } from '@makrx/contracts';
import { Button, ErrorState } from '@makrx/ui';
import {
  atScale,
  fromServerAnalysis,
  INCH,
  isWorkerAnswer,
  type AnalyseRequest,
  type AnalysisView,
} from '../model-analysis';
import { uploadApiPath } from '../paths';
import { fileProblem } from '../print-files';
import type { PreviewModel } from '../preview/scene';
import { createSpeedMeter } from '../speed-meter';
import { startModelUpload, type ModelUploadHandle } from '../tus-upload';
import { refusalOf, type UploadRefusal } from '../upload-errors';
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

type ServerAnalysis =
  | { phase: 'idle' | 'loading' }
  | { phase: 'done'; analysis: AnalysisView | undefined }
  | { phase: 'failed'; refusal: UploadRefusal };

const storeCall = { 'x-makrx-store': '1' };

const unreadableQuotes: UploadRefusal = {
  status: 502,
  code: 'UNEXPECTED_ANSWER',
  message: 'The quotes came back in a form this page does not read. Try again in a moment.',
};

/** Tells the store the file is in mm or inches; it answers with its analysis at that scale. */
const postUnits = (uploadId: string, chosen: 'mm' | 'inch') =>
  fetch(`${uploadApiPath(uploadId)}/units`, {
    method: 'POST',
    headers: { ...storeCall, 'content-type': 'application/json' },
    body: JSON.stringify({ units: chosen }),
  });

async function readJson(
  response: Response,
): Promise<{ ok: boolean; status: number; text: string }> {
  return { ok: response.ok, status: response.status, text: await response.text() };
}

/**
 * The print page's working part: the customer picks or drops a model; it uploads over tus
 * while a Web Worker analyses the same file, so the preview and the analysis show before the
 * upload ends; then the store's own analysis replaces the browser's and the quotes come.
 */
export function PrintStudio({ maxBytes }: { maxBytes: number }) {
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
  const worker = useRef<Worker | undefined>(undefined);
  /** Bumped at each new file: answers about an earlier one are dropped. */
  const attempt = useRef(0);
  const pendingUnits = useRef<'mm' | 'inch' | undefined>(undefined);

  const stopAll = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    void handle.current?.cancel();
    handle.current = undefined;
  }, []);

  useEffect(() => stopAll, [stopAll]);

  const loadQuotes = useCallback(async (uploadId: string, count: number) => {
    const mine = attempt.current;
    setQuotes({ phase: 'loading' });
    try {
      const answer = await readJson(
        await fetch(`${uploadApiPath(uploadId)}/quotes?quantity=${count}`, { cache: 'no-store' }),
      );
      if (mine !== attempt.current) return;
      const parsed = answer.ok ? modelQuotes.safeParse(JSON.parse(answer.text)) : undefined;
      if (parsed?.success) setQuotes({ phase: 'ready', quotes: parsed.data });
      else if (answer.ok) setQuotes({ phase: 'failed', refusal: unreadableQuotes });
      else setQuotes({ phase: 'failed', refusal: refusalOf(answer.status, answer.text) });
    } catch {
      if (mine === attempt.current)
        setQuotes({ phase: 'failed', refusal: refusalOf(0, undefined) });
    }
  }, []);

  /** The store's analysis of the accepted file, in the contract's shape (undefined without one). */
  const readDetail = useCallback(async (response: Response) => {
    const answer = await readJson(response);
    if (!answer.ok) return { refusal: refusalOf(answer.status, answer.text) };
    const parsed = modelUploadDetail.safeParse(JSON.parse(answer.text));
    return { analysis: parsed.success ? fromServerAnalysis(parsed.data.analysis) : undefined };
  }, []);

  const afterUpload = useCallback(
    async (uploadId: string) => {
      const mine = attempt.current;
      setServer({ phase: 'loading' });
      try {
        let detail: Awaited<ReturnType<typeof readDetail>> | undefined;
        if (pendingUnits.current === 'inch') {
          // The customer said "inches" while the file was still uploading.
          detail = await readDetail(await postUnits(uploadId, 'inch'));
          if (mine !== attempt.current) return;
          if (detail.refusal) {
            setUnitsProblem(`The store could not rescale the model: ${detail.refusal.message}`);
            setUnits('mm');
            detail = undefined;
          }
          pendingUnits.current = undefined;
        }
        detail ??= await readDetail(await fetch(uploadApiPath(uploadId), { cache: 'no-store' }));
        if (mine !== attempt.current) return;
        if (detail.refusal) {
          setServer({ phase: 'failed', refusal: detail.refusal });
          return;
        }
        setServer({ phase: 'done', analysis: detail.analysis });
        await loadQuotes(uploadId, quantity);
      } catch {
        if (mine === attempt.current)
          setServer({ phase: 'failed', refusal: refusalOf(0, undefined) });
      }
    },
    [loadQuotes, quantity, readDetail],
  );

  const onFile = (picked: File) => {
    const why = fileProblem(picked, maxBytes);
    setProblem(why);
    if (why) return;
    stopAll();
    attempt.current += 1;
    const mine = attempt.current;
    pendingUnits.current = undefined;
    setFile(picked);
    setUnits(undefined);
    setUnitsProblem(undefined);
    setServer({ phase: 'idle' });
    setQuotes({ phase: 'loading' });
    setBrowser({ phase: 'running' });
    setUpload({ phase: 'uploading', bytesSent: 0, bytesTotal: picked.size, bytesPerSecond: 0 });

    const analyser = new Worker(new URL('../analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'model-analysis',
    });
    worker.current = analyser;
    analyser.onmessage = (event: MessageEvent<unknown>) => {
      if (mine !== attempt.current || !isWorkerAnswer(event.data)) return;
      const answer = event.data;
      analyser.terminate();
      if (answer.type === 'failed') {
        setBrowser({ phase: 'failed', code: answer.code, message: answer.message });
        // The store would refuse it too: nothing more is sent.
        void handle.current?.cancel();
        setUpload((u) => (u ? { ...u, phase: 'failed' } : u));
        return;
      }
      setBrowser({
        phase: 'done',
        analysis: answer.analysis,
        model: {
          positions: answer.positions,
          overhangFlags: answer.overhangFlags,
          thinWallFlags: answer.thinWallFlags,
        },
      });
    };
    analyser.onerror = () => {
      if (mine !== attempt.current) return;
      setBrowser({
        phase: 'failed',
        code: 'ANALYSIS_FAILED',
        message: 'Your browser could not analyse this file; the store will still check it.',
      });
    };
    analyser.postMessage({
      type: 'analyse',
      file: picked,
      fileName: picked.name,
    } satisfies AnalyseRequest);

    const meter = createSpeedMeter();
    handle.current = startModelUpload(picked, {
      onProgress: (sent, total) => {
        if (mine !== attempt.current) return;
        const speed = meter.record(performance.now(), sent);
        setUpload((u) =>
          u
            ? {
                ...u,
                phase: sent >= total ? 'checking' : 'uploading',
                bytesSent: sent,
                bytesTotal: total,
                bytesPerSecond: speed,
              }
            : u,
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
    void handle.current?.cancel();
    handle.current = undefined;
    worker.current?.terminate();
    attempt.current += 1;
    setUpload((u) => (u ? { ...u, phase: 'cancelled', bytesPerSecond: 0 } : u));
    setBrowser((b) => (b?.phase === 'running' ? undefined : b));
  };

  const startOver = () => {
    stopAll();
    attempt.current += 1;
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
      // Sent to the store as soon as the upload is accepted.
      pendingUnits.current = chosen;
      return;
    }
    const mine = attempt.current;
    setUnitsBusy(true);
    try {
      const detail = await readDetail(await postUnits(uploadId, chosen));
      if (mine !== attempt.current) return;
      if (detail.refusal) {
        setUnits(before);
        setUnitsProblem(`The store could not rescale the model: ${detail.refusal.message}`);
        return;
      }
      setServer({ phase: 'done', analysis: detail.analysis });
      await loadQuotes(uploadId, quantity);
    } catch {
      setUnits(before);
      setUnitsProblem(refusalOf(0, undefined).message);
    } finally {
      setUnitsBusy(false);
    }
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
        />
      ) : null}

      {upload.phase === 'done' || upload.phase === 'failed' ? (
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
