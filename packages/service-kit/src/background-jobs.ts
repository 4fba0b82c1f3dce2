import type { FastifyInstance } from 'fastify';

/**
 * Work a service does on a timer while it runs, named so logs and tests can find it: the
 * store's sweep of unpaid orders, the audit log's sequencer. Started when the app is ready,
 * stopped (a run in progress awaited) when it closes; never a bare setInterval in a module.
 */
export interface BackgroundJob {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  run(app: FastifyInstance): Promise<unknown>;
}

export interface JobRunning {
  /** Run jobs on their timers (default true); tests run them with `app.jobs.run(name)`. */
  background?: boolean;
}

export interface BackgroundJobs {
  /** Runs one job now and waits for it; what tests call instead of waiting for the timer. */
  run(name: string): Promise<unknown>;
  readonly names: readonly string[];
}

export function registerBackgroundJobs(
  app: FastifyInstance,
  jobs: readonly BackgroundJob[],
  running: JobRunning = {},
): void {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('Two background jobs share a name.');
  app.decorate('jobs', {
    names: [...byName.keys()],
    run: async (name: string) => {
      const job = byName.get(name);
      if (!job) throw new Error(`No background job named "${name}".`);
      return job.run(app);
    },
  });
  if (running.background === false || jobs.length === 0) return;

  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const schedule = (job: BackgroundJob) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      const run = job
        .run(app)
        .catch((err: unknown) => app.log.error({ err, job: job.name }, 'background job failed'))
        .finally(() => {
          inFlight.delete(run);
          schedule(job);
        });
      inFlight.add(run);
    }, job.everyMs);
    timer.unref();
    timers.set(job.name, timer);
  };
  app.addHook('onReady', async () => {
    for (const job of jobs) schedule(job);
  });
  app.addHook('onClose', async () => {
    stopped = true;
    for (const timer of timers.values()) clearTimeout(timer);
    await Promise.allSettled([...inFlight]);
  });
}
