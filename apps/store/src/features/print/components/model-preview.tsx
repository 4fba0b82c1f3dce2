'use client';

import { useEffect, useRef, useState } from 'react';
import { formatMm } from '../format';
import {
  previewColours,
  type Highlight,
  type LabelSpot,
  type PreviewModel,
  type PreviewScene,
} from '@makrx/model-viewer';

export interface ModelPreviewProps {
  model: PreviewModel;
  unitScale: number;
  dimensions: readonly [number, number, number];
  hasThinWallCheck: boolean;
  /** The analysis in words: the preview's text alternative. */
  description: string;
}

const STEP = Math.PI / 12;

/** The view's buttons: everything the mouse does, for the keyboard too. */
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
 * The customer's model in 3D: three.js is loaded only here, when a model is first shown, so no
 * other page carries it. Drag to orbit, scroll to zoom, or use the buttons (keyboard).
 */
export function ModelPreview({
  model,
  unitScale,
  dimensions,
  hasThinWallCheck,
  description,
}: ModelPreviewProps) {
  const container = useRef<HTMLDivElement>(null);
  const scene = useRef<PreviewScene | undefined>(undefined);
  const [highlight, setHighlight] = useState<Highlight>({ overhangs: true, thinWalls: true });
  const [labels, setLabels] = useState<LabelSpot[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const options = useRef({ unitScale, highlight });
  options.current = { unitScale, highlight };

  useEffect(() => {
    let disposed = false;
    setState('loading');
    import('@makrx/model-viewer/scene')
      .then(({ createPreviewScene }) => {
        if (disposed || !container.current) return;
        scene.current = createPreviewScene(container.current, model, options.current, setLabels);
        setState('ready');
      })
      .catch(() => {
        if (!disposed) setState('unavailable');
      });
    return () => {
      disposed = true;
      scene.current?.dispose();
      scene.current = undefined;
    };
  }, [model]);

  useEffect(() => {
    scene.current?.update({ unitScale, highlight });
  }, [unitScale, highlight]);

  const [dx, dy, dz] = dimensions;
  const labelText = { x: `X ${formatMm(dx)}`, y: `Y ${formatMm(dy)}`, z: `Z ${formatMm(dz)}` };
  const viewButton =
    'grid size-9 place-items-center rounded-lg bg-white text-sm font-semibold text-ink-800 shadow-sm ring-1 ring-ink-200 hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:opacity-50';
  const ready = state === 'ready';

  return (
    <figure className="overflow-hidden rounded-2xl border border-ink-200 bg-gradient-to-b from-ink-50 to-white lg:sticky lg:top-6">
      <div className="relative aspect-[4/3] w-full sm:aspect-[16/10]">
        <div
          ref={container}
          role="img"
          aria-label={`3D preview of your model. ${description}`}
          data-testid="model-preview"
          className="absolute inset-0 cursor-grab active:cursor-grabbing"
        />
        {ready
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
        {state === 'loading' ? (
          <p className="absolute inset-0 grid place-items-center text-sm text-ink-600">
            Loading the 3D preview…
          </p>
        ) : null}
        {state === 'unavailable' ? (
          <p className="absolute inset-0 grid place-items-center px-6 text-center text-sm text-ink-600">
            This browser cannot draw the 3D preview. The analysis beside it is complete.
          </p>
        ) : null}
      </div>
      <div
        className="flex flex-wrap gap-1.5 border-t border-ink-200 bg-white px-3 py-2"
        role="group"
        aria-label="View"
      >
        {viewActions.map(([label, symbol, act]) => (
          <button
            key={label}
            type="button"
            className={viewButton}
            disabled={!ready}
            onClick={() => scene.current && act(scene.current)}
            aria-label={label}
            title={label}
          >
            {symbol}
          </button>
        ))}
      </div>
      <figcaption className="flex flex-col items-start gap-x-5 gap-y-2 border-t sm:flex-row sm:flex-wrap sm:items-center border-ink-200 bg-white px-4 py-3 text-sm text-ink-700">
        <span className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="size-3 rounded-sm"
            style={{ background: previewColours.part.css }}
          />
          Model
        </span>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4 accent-orange-500"
            checked={highlight.overhangs}
            onChange={(event) => setHighlight((h) => ({ ...h, overhangs: event.target.checked }))}
          />
          <span
            aria-hidden="true"
            className="size-3 rounded-sm"
            style={{ background: previewColours.overhang.css }}
          />
          Overhangs (need support)
        </label>
        {hasThinWallCheck ? (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-red-600"
              checked={highlight.thinWalls}
              onChange={(event) => setHighlight((h) => ({ ...h, thinWalls: event.target.checked }))}
            />
            <span
              aria-hidden="true"
              className="size-3 rounded-sm"
              style={{ background: previewColours.thinWall.css }}
            />
            Thin walls
          </label>
        ) : null}
        <span className="text-xs text-ink-500 sm:ml-auto">Drag to turn · scroll to zoom</span>
      </figcaption>
    </figure>
  );
}
