import {
  analysisFailed,
  isWorkerAnswer,
  type AnalyseRequest,
  type WorkerAnswer,
} from './model-analysis';

/**
 * Analyses a model in a Web Worker of its own (the page stays responsive on a 4M-triangle
 * file) and answers once: the analysis with the preview's data, or why the file cannot be read.
 */
export function analyseInBrowser(file: File, onAnswer: (answer: WorkerAnswer) => void) {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'model-analysis',
  });
  let done = false;
  const finish = (answer: WorkerAnswer) => {
    if (done) return;
    done = true;
    worker.terminate();
    onAnswer(answer);
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if (isWorkerAnswer(event.data)) finish(event.data);
  };
  worker.onerror = () => finish(analysisFailed);
  worker.postMessage({ type: 'analyse', file, fileName: file.name } satisfies AnalyseRequest);
  return {
    stop() {
      done = true;
      worker.terminate();
    },
  };
}
