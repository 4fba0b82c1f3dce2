'use client';

import { useId, useRef, useState } from 'react';
import { buttonClasses, cx, CubeIcon } from '@makrx/ui';
import { formatBytes } from '../format';
import { MODEL_ACCEPT } from '../print-files';

export interface DropZoneProps {
  maxBytes: number;
  onFile(file: File): void;
  /** Why the last file was refused before sending, shown under the zone. */
  problem: string | undefined;
}

/** Drag a model here or pick one; the page checks its name and size before sending it. */
export function DropZone({ maxBytes, onFile, problem }: DropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const problemId = useId();
  return (
    <div>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer.files[0];
          if (file) onFile(file);
        }}
        data-testid="drop-zone"
        className={cx(
          'flex flex-col items-center rounded-3xl border-2 border-dashed px-6 py-12 text-center transition-colors sm:py-16 motion-reduce:transition-none',
          over ? 'border-accent-600 bg-accent-50' : 'border-ink-300 bg-ink-50/60',
        )}
      >
        <span className="grid size-14 place-items-center rounded-2xl bg-white text-3xl text-accent-600 shadow-card ring-1 ring-ink-200">
          <CubeIcon />
        </span>
        <p className="mt-5 text-lg font-semibold text-ink-950">Drop your 3D model here</p>
        <p id={hintId} className="mt-1 text-sm text-ink-600">
          STL, OBJ or 3MF, up to {formatBytes(maxBytes)}. It is analysed in your browser while it
          uploads.
        </p>
        <button
          type="button"
          className={buttonClasses({ size: 'lg', className: 'mt-6' })}
          onClick={() => input.current?.click()}
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        >
          Choose a file
        </button>
        <input
          ref={input}
          type="file"
          accept={MODEL_ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-label="3D model file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      {problem ? (
        <p id={problemId} role="alert" className="mt-3 text-sm font-medium text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
