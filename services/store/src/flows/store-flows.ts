import type { Database } from '@makrx/db';
import type { FlowPart, FlowRunOptions, FlowStepGroup } from '@makrx/service-kit';
import type { FastifyBaseLogger } from 'fastify';

/*
 * What the store's flows share. A flow's scope is the database: steps that belong together
 * run in one transaction (a group), whose rollback is their undo.
 */

/** Who acts, in which request, and where an undo that fails is reported. */
export interface FlowInput {
  actorId: string | null;
  requestId?: string | null;
  log: FastifyBaseLogger;
}

/** Steps that commit together or not at all: the transaction's rollback is their undo. */
export function inOneTransaction<Context>(
  name: string,
  steps: readonly FlowPart<Context, Database>[],
): FlowStepGroup<Context, Database> {
  return { name, steps, within: (db, run) => db.transaction((tx) => run(tx)) };
}

/** Reports an undo that failed to the request's (or job's) log, beside a test's own options. */
export function runOptions(input: FlowInput, options: FlowRunOptions = {}): FlowRunOptions {
  return {
    onUndoFailed: ({ flow, step, error, failure }) =>
      input.log.error(
        { err: error, flow, step, failure: failure instanceof Error ? failure.message : failure },
        'a flow step could not be undone',
      ),
    ...options,
  };
}
