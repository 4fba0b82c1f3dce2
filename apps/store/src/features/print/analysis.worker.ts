import { analyseModelBytes, transferListOf } from './analyse-bytes';
import type { AnalyseRequest } from './model-analysis';

/**
 * The print page's Web Worker: parses and analyses the customer's file off the page's thread,
 * while the same file uploads, and hands the triangles and flags over for the preview.
 */
self.onmessage = async (event: MessageEvent<AnalyseRequest>) => {
  const { file, fileName } = event.data;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const answer = analyseModelBytes(bytes, fileName);
  self.postMessage(answer, { transfer: transferListOf(answer) });
};
