import { Piscina } from 'piscina';
import type { AnalysisAnswer, AnalysisTask } from './analysis-worker';

/** Worker threads that parse and analyse models, so a 4M-triangle file never blocks requests. */
export interface AnalysisPool {
  /** Analyses the bytes in a worker; the buffer is moved there (unusable here afterwards). */
  analyse(task: AnalysisTask): Promise<AnalysisAnswer>;
  /** Stops the threads; a task still running is rejected. */
  close(): Promise<void>;
}

const workerFile = new URL('./analysis-worker.mjs', import.meta.url).href;

/**
 * A pool of `threads` workers (piscina), started on the first task and stopped after a minute
 * idle: a store that takes no uploads keeps no threads. Tasks beyond the threads wait in order.
 */
export function createAnalysisPool({ threads }: { threads: number }): AnalysisPool {
  const pool = new Piscina<AnalysisTask, AnalysisAnswer>({
    filename: workerFile,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Lower priority for the analysis threads (Linux nice applies per thread): when cores are
    // short, the event loop answering requests runs first and the analysis takes the rest.
    niceIncrement: 10,
  });
  return {
    analyse: (task) => {
      const { buffer } = task.bytes;
      // A buffer shared with other views (a pooled Buffer) is copied by structured clone instead.
      const movable = buffer instanceof ArrayBuffer && task.bytes.byteLength === buffer.byteLength;
      return pool.run(task, movable ? { transferList: [buffer] } : {});
    },
    close: () => pool.destroy(),
  };
}
