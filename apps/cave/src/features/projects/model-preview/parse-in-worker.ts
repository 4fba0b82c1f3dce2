import { isViewableModel, type ViewableModel } from '@makrx/model-viewer';

export interface ParseModelRequest {
  bytes: ArrayBuffer;
  fileName: string;
}

const failed: ViewableModel = {
  type: 'failed',
  message: 'This file could not be read as a 3D model.',
};

/**
 * Parses a model file's bytes in a Web Worker of its own (the bytes are moved there, not
 * copied) and answers once; aborting stops the worker.
 */
export function parseInWorker(
  bytes: ArrayBuffer,
  fileName: string,
  signal: AbortSignal,
): Promise<ViewableModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./model.worker.ts', import.meta.url), {
      type: 'module',
      name: 'model-preview',
    });
    const finish = (answer: ViewableModel) => {
      worker.terminate();
      resolve(answer);
    };
    signal.addEventListener('abort', () => {
      worker.terminate();
      reject(signal.reason);
    });
    worker.onmessage = (event: MessageEvent<unknown>) =>
      finish(isViewableModel(event.data) ? event.data : failed);
    worker.onerror = () => finish(failed);
    worker.postMessage({ bytes, fileName } satisfies ParseModelRequest, [bytes]);
  });
}
