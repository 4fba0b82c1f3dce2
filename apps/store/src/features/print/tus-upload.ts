import { DetailedError, Upload } from 'tus-js-client';
import { TUS_APP_PATH_FOR_BROWSER } from './paths';
import { refusalOf, type UploadRefusal } from './upload-errors';

/** Chunks stay well under what the store app's proxy buffers of one request (10 MB). */
export const CHUNK_BYTES = 5 * 1024 * 1024;

/** Retried after a dropped connection, at these delays; then it waits for the browser to be online. */
export const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];

export interface UploadCallbacks {
  onProgress(bytesSent: number, bytesTotal: number): void;
  /** The connection dropped and every retry failed: it resumes when the browser is online. */
  onOffline(): void;
  /** The store accepted the file: its upload id. */
  onSuccess(uploadId: string): void;
  onRefused(refusal: UploadRefusal): void;
}

export interface ModelUploadHandle {
  /** Stops and removes what the store has of the upload. */
  cancel(): Promise<void>;
  /** Stops sending but leaves the upload on the store, to be resumed (leaving the page). */
  pause(): void;
}

/**
 * Sends a model to the store over tus, through the store app: in chunks, retried after a
 * dropped connection, and resumed from where the store says it stopped — also after a reload,
 * as tus-js-client keeps each file's upload URL in localStorage under a fingerprint of the file.
 */
export function startModelUpload(file: File, callbacks: UploadCallbacks): ModelUploadHandle {
  let finished = false;
  const onOnline = () => upload.start();
  const upload = new Upload(file, {
    endpoint: new URL(TUS_APP_PATH_FOR_BROWSER, window.location.href).href,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
    headers: { 'x-makrx-store': '1' },
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress: (sent, total) => callbacks.onProgress(sent, total),
    onSuccess: () => {
      finished = true;
      window.removeEventListener('online', onOnline);
      const id = (upload.url ?? '').split('/').pop() ?? '';
      callbacks.onSuccess(id);
    },
    onError: (error) => {
      const response = error instanceof DetailedError ? error.originalResponse : null;
      if (!response || response.getStatus() === 0) {
        // No answer at all: the line is down. Resume from the store's offset once it is back.
        callbacks.onOffline();
        window.addEventListener('online', onOnline, { once: true });
        return;
      }
      finished = true;
      callbacks.onRefused(refusalOf(response.getStatus(), response.getBody()));
    },
  });
  void upload.findPreviousUploads().then((previous) => {
    const sameFile = previous[0];
    if (sameFile) upload.resumeFromPreviousUpload(sameFile);
    upload.start();
  });
  return {
    pause() {
      window.removeEventListener('online', onOnline);
      if (!finished) void upload.abort(false).catch(() => undefined);
    },
    async cancel() {
      window.removeEventListener('online', onOnline);
      if (finished) return;
      finished = true;
      await upload.abort(true).catch(() => undefined);
    },
  };
}
