/**
 * Flows: work that spans several modules (or a module and a payment provider) written as a list
 * of named steps, each naming how to take back what it did. When a step fails, the steps that
 * completed are undone in reverse and the failure is thrown on, so a half-done checkout leaves
 * nothing behind. Medusa v2's workflows are the model, in small: no persistence, no retries;
 * a flow runs in the request or job that starts it.
 *
 * Steps that belong together can share a scope (a database transaction): a group's rollback is
 * the undo of its steps, so they name none; the group as a whole may name one for when a later
 * step fails after it committed. A step outside any transaction (charging a card, refunding it,
 * sending a mail) needs a real undo, or, when nothing can take it back (a refund), must be safe
 * to repeat and come where little after it can fail.
 */

/** One step: what it does, and how to take it back once it is done. */
export interface FlowStep<Context, Scope> {
  /** A few words naming what it does (`take-stock`); unique in its flow, used by tests and logs. */
  readonly name: string;
  /** Does the step's work, keeping what later steps (and its undo) need in `context`. */
  run(context: Context, scope: Scope): Promise<void>;
  /**
   * Takes back what `run` did, when a later step fails; given that failure. Left out when the
   * step changed nothing that outlives the flow, or when its group's rollback takes it back.
   */
  undo?(context: Context, scope: Scope, failure: unknown): Promise<void>;
}

/** Steps run inside one scope the group opens, a transaction say: they stand or fall together. */
export interface FlowStepGroup<Context, Scope> {
  readonly name: string;
  /** Opens the scope, runs `steps` in it, and closes it: commits, or rolls back on a throw. */
  within(scope: Scope, steps: (inner: Scope) => Promise<void>): Promise<void>;
  readonly steps: readonly FlowPart<Context, Scope>[];
  /** Takes back what the group committed, when a step after it fails. */
  undo?(context: Context, scope: Scope, failure: unknown): Promise<void>;
}

export type FlowPart<Context, Scope> = FlowStep<Context, Scope> | FlowStepGroup<Context, Scope>;

/**
 * A named list of steps over a `Context` (what the flow was asked to do, and what its steps
 * found out) and a `Scope` (what steps work through: for a service, its database).
 */
export interface Flow<Context, Scope> {
  readonly name: string;
  readonly steps: readonly FlowPart<Context, Scope>[];
}

/** An undo that threw: the flow's other undos still ran, and its own failure was thrown. */
export interface UndoFailure {
  flow: string;
  step: string;
  /** What the undo threw. */
  error: unknown;
  /** The failure the flow was undoing. */
  failure: unknown;
}

export interface FlowRunOptions {
  /** Where an undo that fails is reported; by default the console's error stream. */
  onUndoFailed?: (report: UndoFailure) => void;
  /**
   * Fault injection for tests: the step (or group) of this name throws `InjectedFailure`
   * instead of running, so a test can see that the steps before it are undone.
   */
  failStep?: string;
}

/** What a step made to fail with `failStep` throws. */
export class InjectedFailure extends Error {
  constructor(
    readonly flow: string,
    readonly step: string,
  ) {
    super(`${flow}: step "${step}" failed on purpose (fault injection)`);
    this.name = 'InjectedFailure';
  }
}

const isGroup = <C, S>(part: FlowPart<C, S>): part is FlowStepGroup<C, S> => 'within' in part;

function namesOf<C, S>(parts: readonly FlowPart<C, S>[]): string[] {
  return parts.flatMap((part) => [part.name, ...(isGroup(part) ? namesOf(part.steps) : [])]);
}

/** A flow, checked once where it is defined: every step named, no name twice. */
export function defineFlow<Context, Scope>(
  name: string,
  steps: readonly FlowPart<Context, Scope>[],
): Flow<Context, Scope> {
  const seen = new Set<string>();
  for (const step of namesOf(steps)) {
    if (!step) throw new Error(`Flow ${name} has a step without a name.`);
    if (seen.has(step)) throw new Error(`Flow ${name} names two steps "${step}".`);
    seen.add(step);
  }
  return { name, steps };
}

interface Run {
  flow: string;
  options: FlowRunOptions;
}

const reportToConsole = (report: UndoFailure) =>
  console.error(`flow ${report.flow}: undoing step "${report.step}" failed`, report.error);

async function undoInReverse<C, S>(
  done: readonly FlowPart<C, S>[],
  context: C,
  scope: S,
  failure: unknown,
  run: Run,
): Promise<void> {
  for (const part of [...done].reverse()) {
    if (!part.undo) continue;
    try {
      await part.undo(context, scope, failure);
    } catch (error) {
      (run.options.onUndoFailed ?? reportToConsole)({
        flow: run.flow,
        step: part.name,
        error,
        failure,
      });
    }
  }
}

async function runParts<C, S>(
  parts: readonly FlowPart<C, S>[],
  context: C,
  scope: S,
  run: Run,
): Promise<void> {
  const done: FlowPart<C, S>[] = [];
  try {
    for (const part of parts) {
      if (run.options.failStep === part.name) throw new InjectedFailure(run.flow, part.name);
      if (isGroup(part)) {
        await part.within(scope, (inner) => runParts(part.steps, context, inner, run));
      } else {
        await part.run(context, scope);
      }
      done.push(part);
    }
  } catch (failure) {
    await undoInReverse(done, context, scope, failure, run);
    throw failure;
  }
}

/**
 * Runs a flow's steps in order. When one throws, the steps completed before it are undone,
 * last first (an undo that throws is reported and the rest still run), and what the step threw
 * is thrown on. Returns the context, with what the steps kept in it.
 */
export async function runFlow<Context, Scope>(
  flow: Flow<Context, Scope>,
  context: Context,
  scope: Scope,
  options: FlowRunOptions = {},
): Promise<Context> {
  if (options.failStep !== undefined && !namesOf(flow.steps).includes(options.failStep)) {
    throw new Error(`Flow ${flow.name} has no step "${options.failStep}" to make fail.`);
  }
  await runParts(flow.steps, context, scope, { flow: flow.name, options });
  return context;
}
