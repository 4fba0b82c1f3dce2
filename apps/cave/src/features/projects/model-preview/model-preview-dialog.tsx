import {
  noHighlight,
  type LabelSpot,
  type PreviewScene,
  type ViewableModel,
} from '@makrx/model-viewer';
import type { ProjectFile } from '@makrx/contracts';
import { Button, CloseIcon } from '@makrx/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { parseInWorker } from './parse-in-worker';
import { formatDimensions, formatMm } from './previewable';

export interface ModelPreviewDialogProps {
  file: ProjectFile;
  /** A fresh signed link to the file (they last five minutes). */
  linkOf: (fileId: string) => Promise<{ url: string }>;
  onDownload: () => void;
  onClose: () => void;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: Extract<ViewableModel, { type: 'parsed' }> }
  | { state: 'failed'; message: string };

const STEP = Math.PI / 12;

/** Everything the mouse does to the view, for the keyboard too. */
const viewActions: [label: string, symbol: string, act: (scene: PreviewScene) => void][] = [
  ['Zoom in', '+', (scene) => scene.zoom(0.8)],
  ['Zoom out', '−', (scene) => scene.zoom(1.25)],
  ['Turn left', '←', (scene) => scene.orbit(-STEP, 0)],
  ['Turn right', '→', (scene) => scene.orbit(STEP, 0)],
  ['Tilt up', '↑', (scene) => scene.orbit(0, -STEP)],
  ['Tilt down', '↓', (scene) => scene.orbit(0, STEP)],
  ['Reset view', '⟲', (scene) => scene.reset()],
];

/**
 * A project's 3D file in a modal `<dialog>` (focus stays inside, Escape closes, focus returns
 * to the button that opened it). The file is fetched through its signed link and parsed in a
 * Web Worker while three.js loads: this component is its own chunk, and the scene another,
 * so the project page carries neither until a preview opens.
 */
export default function ModelPreviewDialog({
  file,
  linkOf,
  onDownload,
  onClose,
}: ModelPreviewDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const scene = useRef<PreviewScene | undefined>(undefined);
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [drawn, setDrawn] = useState(false);
  const [labels, setLabels] = useState<LabelSpot[]>([]);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => opener?.focus();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    readModel(file, linkOf, abort.signal).then(
      (model) =>
        setLoaded(
          model.type === 'parsed'
            ? { state: 'ready', model }
            : { state: 'failed', message: model.message },
        ),
      () => {
        if (!abort.signal.aborted)
          setLoaded({
            state: 'failed',
            message: 'The file could not be fetched. Check your connection and try again.',
          });
      },
    );
    return () => abort.abort();
  }, [file, linkOf]);

  const model = loaded.state === 'ready' ? loaded.model : undefined;
  useEffect(() => {
    if (!model) return;
    let disposed = false;
    import('@makrx/model-viewer/scene')
      .then(({ createPreviewScene }) => {
        if (disposed || !container.current) return;
        scene.current = createPreviewScene(
          container.current,
          { positions: model.positions, overhangFlags: null, thinWallFlags: null },
          { unitScale: 1, highlight: noHighlight },
          setLabels,
        );
        setDrawn(true);
      })
      .catch(() => {
        if (!disposed)
          setLoaded({
            state: 'failed',
            message: 'This browser cannot draw the 3D preview. Download the file to open it.',
          });
      });
    return () => {
      disposed = true;
      scene.current?.dispose();
      scene.current = undefined;
    };
  }, [model]);

  const size = model?.dimensions;
  const labelText = size
    ? { x: `X ${formatMm(size[0])}`, y: `Y ${formatMm(size[1])}`, z: `Z ${formatMm(size[2])}` }
    : undefined;
  const viewButton =
    'grid size-9 place-items-center rounded-lg bg-white text-sm font-semibold text-ink-800 shadow-sm ring-1 ring-ink-200 hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:opacity-50';

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="fixed inset-0 m-auto h-fit max-h-[calc(100dvh-1rem)] w-[calc(100%-1rem)] max-w-4xl overflow-y-auto rounded-2xl bg-white p-0 text-left text-ink-900 shadow-lift ring-1 ring-ink-200 backdrop:bg-ink-950/50 sm:w-[calc(100%-2rem)]"
    >
      <div className="flex items-start gap-3 border-b border-ink-100 px-5 py-4">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="truncate text-lg font-semibold text-ink-950">
            {file.name}
          </h2>
          <p className="mt-0.5 text-sm text-ink-600">
            {size ? `Size ${formatDimensions(size)}` : '3D preview'}
          </p>
        </div>
        <button
          type="button"
          className="grid size-9 shrink-0 place-items-center rounded-lg text-ink-600 hover:bg-ink-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
          aria-label="Close the preview"
          onClick={onClose}
        >
          <CloseIcon className="size-5" aria-hidden="true" />
        </button>
      </div>
      <div className="relative aspect-square w-full bg-gradient-to-b from-ink-50 to-white sm:aspect-[16/10]">
        <div
          ref={container}
          role="img"
          aria-label={
            size
              ? `3D view of ${file.name}, ${formatDimensions(size)}.`
              : `3D view of ${file.name}.`
          }
          data-testid="model-preview"
          className="absolute inset-0 cursor-grab active:cursor-grabbing"
        />
        {drawn && labelText
          ? labels.map((label) =>
              label.visible ? (
                <span
                  key={label.axis}
                  aria-hidden="true"
                  className="pointer-events-none absolute -translate-x-1/2 -translate-y-1/2 rounded-md bg-ink-900/80 px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap text-white tabular-nums"
                  style={{ left: label.left, top: label.top }}
                >
                  {labelText[label.axis]}
                </span>
              ) : null,
            )
          : null}
        {loaded.state === 'loading' || (loaded.state === 'ready' && !drawn) ? (
          <p
            role="status"
            className="absolute inset-0 grid place-items-center text-sm text-ink-600"
          >
            Loading the 3D preview…
          </p>
        ) : null}
        {loaded.state === 'failed' ? (
          <p
            role="alert"
            className="absolute inset-0 grid place-items-center px-6 text-center text-sm text-ink-700"
          >
            {loaded.message}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-ink-100 bg-ink-50 px-5 py-3">
        <div role="group" aria-label="View" className="flex flex-wrap gap-1.5">
          {viewActions.map(([label, symbol, act]) => (
            <button
              key={label}
              type="button"
              className={viewButton}
              disabled={!drawn}
              onClick={() => scene.current && act(scene.current)}
              aria-label={label}
              title={label}
            >
              {symbol}
            </button>
          ))}
        </div>
        <span className="hidden text-xs text-ink-500 md:inline">Drag to turn · scroll to zoom</span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          <Button onClick={onDownload}>Download</Button>
        </div>
      </div>
    </dialog>
  );
}

/** The file's bytes through a fresh signed link, parsed off the page's thread. */
async function readModel(
  file: ProjectFile,
  linkOf: ModelPreviewDialogProps['linkOf'],
  signal: AbortSignal,
): Promise<ViewableModel> {
  const { url } = await linkOf(file.id);
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseInWorker(await response.arrayBuffer(), file.name, signal);
}
