import { Button } from '@makrx/ui';
import { formatBytes, formatSpeed, formatTimeLeft, percentOf } from '../format';

export type UploadPhase = 'uploading' | 'offline' | 'checking' | 'done' | 'cancelled' | 'failed';

export interface UploadProgressProps {
  fileName: string;
  phase: UploadPhase;
  bytesSent: number;
  bytesTotal: number;
  bytesPerSecond: number;
  onCancel(): void;
}

const phaseWords: Record<UploadPhase, string> = {
  uploading: 'Uploading',
  offline: 'Connection lost — it resumes where it stopped when you are back online',
  checking: 'Uploaded — the store is checking the file',
  done: 'Uploaded and checked',
  cancelled: 'Cancelled',
  failed: 'Not uploaded',
};

/** The upload's progress: bytes, percent, speed and time left, with a cancel button. */
export function UploadProgress({
  fileName,
  phase,
  bytesSent,
  bytesTotal,
  bytesPerSecond,
  onCancel,
}: UploadProgressProps) {
  const percent = percentOf(bytesSent, bytesTotal);
  const timeLeft =
    phase === 'uploading' ? formatTimeLeft(bytesTotal - bytesSent, bytesPerSecond) : undefined;
  const active = phase === 'uploading' || phase === 'offline' || phase === 'checking';
  return (
    <div className="rounded-2xl border border-ink-200 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-semibold text-ink-950" title={fileName}>
            {fileName}
          </p>
          <p className="text-sm text-ink-600" role="status" aria-live="polite">
            {phaseWords[phase]}
          </p>
        </div>
        {active ? (
          <Button variant="secondary" size="sm" onClick={onCancel}>
            Cancel upload
          </Button>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${formatBytes(bytesSent)} of ${formatBytes(bytesTotal)}`}
        className="mt-4 h-2.5 overflow-hidden rounded-full bg-ink-100"
      >
        <div
          className={
            phase === 'failed' || phase === 'cancelled'
              ? 'h-full bg-ink-400'
              : phase === 'offline'
                ? 'h-full bg-amber-500'
                : 'h-full bg-accent-600 transition-[width] duration-300 motion-reduce:transition-none'
          }
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 flex flex-wrap justify-between gap-x-4 text-sm text-ink-600 tabular-nums">
        <span data-testid="upload-percent">
          {percent}% · {formatBytes(bytesSent)} of {formatBytes(bytesTotal)}
        </span>
        {phase === 'uploading' && bytesPerSecond > 0 ? (
          <span>
            {formatSpeed(bytesPerSecond)}
            {timeLeft ? ` · ${timeLeft}` : ''}
          </span>
        ) : null}
      </p>
    </div>
  );
}
