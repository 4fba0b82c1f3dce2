import { transferablesOf, viewableModelOf } from '@makrx/model-viewer/worker';
import type { ParseModelRequest } from './parse-in-worker';

/**
 * Parses a project's model file off the page's thread: a 50 MB STL is about a million
 * triangles, which would freeze the page (and its Escape key) while it is read.
 */
self.onmessage = (event: MessageEvent<ParseModelRequest>) => {
  const { bytes, fileName } = event.data;
  const model = viewableModelOf(new Uint8Array(bytes), fileName);
  self.postMessage(model, { transfer: transferablesOf(model) });
};
