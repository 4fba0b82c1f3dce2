import { describe, expect, it } from 'vitest';
import {
  defineFlow,
  InjectedFailure,
  runFlow,
  type FlowStep,
  type FlowStepGroup,
  type UndoFailure,
} from './flows';

/** A shelf of units and a till, changed by steps: what a flow must leave as it found it. */
interface Shop {
  stock: number;
  till: number;
  log: string[];
}

/** The scope steps work in: a ledger that a group can stage and commit, like a transaction. */
interface Ledger {
  entries: string[];
}

const shop = (): Shop => ({ stock: 10, till: 0, log: [] });
const ledger = (): Ledger => ({ entries: [] });

const takeUnit: FlowStep<Shop, Ledger> = {
  name: 'take-unit',
  run: async (s) => {
    s.stock -= 1;
    s.log.push('take-unit');
  },
  undo: async (s) => {
    s.stock += 1;
    s.log.push('undo take-unit');
  },
};

const charge: FlowStep<Shop, Ledger> = {
  name: 'charge',
  run: async (s) => {
    s.till += 5;
    s.log.push('charge');
  },
  undo: async (s) => {
    s.till -= 5;
    s.log.push('undo charge');
  },
};

const failing = (name: string, error: Error): FlowStep<Shop, Ledger> => ({
  name,
  run: async () => {
    throw error;
  },
  undo: async (s) => {
    s.log.push(`undo ${name}`);
  },
});

/** Entries written inside are kept only if every step inside succeeds. */
const staged = (name: string, steps: FlowStep<Shop, Ledger>[]): FlowStepGroup<Shop, Ledger> => ({
  name,
  within: async (scope, work) => {
    const inner: Ledger = { entries: [...scope.entries] };
    await work(inner);
    scope.entries = inner.entries;
  },
  steps,
});

const write = (name: string): FlowStep<Shop, Ledger> => ({
  name,
  run: async (_s, scope) => {
    scope.entries.push(name);
  },
});

describe('flows', () => {
  it('runs the steps in order and hands back the context they filled', async () => {
    const flow = defineFlow('sell', [takeUnit, charge]);
    const done = await runFlow(flow, shop(), ledger());
    expect(done).toMatchObject({ stock: 9, till: 5, log: ['take-unit', 'charge'] });
  });

  it('undoes the completed steps last first when a step fails, and throws what it threw', async () => {
    const refused = new Error('the card was refused');
    const flow = defineFlow('sell', [takeUnit, charge, failing('ship', refused), write('after')]);
    const s = shop();
    const scope = ledger();
    await expect(runFlow(flow, s, scope)).rejects.toBe(refused);
    // The failed step's own undo does not run: it did nothing to take back.
    expect(s.log).toEqual(['take-unit', 'charge', 'undo charge', 'undo take-unit']);
    expect(s).toMatchObject({ stock: 10, till: 0 });
    expect(scope.entries).toEqual([]);
  });

  it('gives each undo the failure it is undoing', async () => {
    const refused = new Error('refused');
    const seen: unknown[] = [];
    const noted: FlowStep<Shop, Ledger> = {
      name: 'noted',
      run: async () => {},
      undo: async (_s, _scope, failure) => {
        seen.push(failure);
      },
    };
    await expect(
      runFlow(defineFlow('sell', [noted, failing('ship', refused)]), shop(), ledger()),
    ).rejects.toBe(refused);
    expect(seen).toEqual([refused]);
  });

  it('reports an undo that fails, still runs the others, and throws the original failure', async () => {
    const original = new Error('shipping is down');
    const undoError = new Error('the refund bounced');
    const brokenUndo: FlowStep<Shop, Ledger> = {
      ...charge,
      undo: async () => {
        throw undoError;
      },
    };
    const reports: UndoFailure[] = [];
    const s = shop();
    await expect(
      runFlow(defineFlow('sell', [takeUnit, brokenUndo, failing('ship', original)]), s, ledger(), {
        onUndoFailed: (report) => reports.push(report),
      }),
    ).rejects.toBe(original);
    expect(reports).toEqual([
      { flow: 'sell', step: 'charge', error: undoError, failure: original },
    ]);
    expect(s.log).toEqual(['take-unit', 'charge', 'undo take-unit']);
    expect(s.stock).toBe(10);
  });

  it('keeps what a group wrote only when all its steps succeed, and undoes the steps before it', async () => {
    const scope = ledger();
    const s = shop();
    const flow = defineFlow('record', [
      takeUnit,
      staged('books', [write('order'), write('lines'), failing('history', new Error('full'))]),
    ]);
    await expect(runFlow(flow, s, scope)).rejects.toThrow('full');
    expect(scope.entries).toEqual([]);
    expect(s.stock).toBe(10);

    const fine = defineFlow('record', [staged('books', [write('order'), write('lines')])]);
    await runFlow(fine, shop(), scope);
    expect(scope.entries).toEqual(['order', 'lines']);
  });

  it("runs a group's own undo when a step after it fails", async () => {
    const s = shop();
    const group: FlowStepGroup<Shop, Ledger> = {
      ...staged('books', [write('order')]),
      undo: async (context, scope) => {
        scope.entries = scope.entries.filter((entry) => entry !== 'order');
        context.log.push('undo books');
      },
    };
    const scope = ledger();
    const flow = defineFlow('record', [group, failing('mail', new Error('no mail'))]);
    await expect(runFlow(flow, s, scope)).rejects.toThrow('no mail');
    expect(scope.entries).toEqual([]);
    expect(s.log).toEqual(['undo books']);
  });

  it('makes the named step fail for a test, inside a group too, and refuses a name it lacks', async () => {
    const flow = defineFlow('sell', [takeUnit, staged('books', [write('order')]), charge]);
    const s = shop();
    const scope = ledger();
    const failure = await runFlow(flow, s, scope, { failStep: 'order' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InjectedFailure);
    expect(failure).toMatchObject({ flow: 'sell', step: 'order' });
    expect(s).toMatchObject({ stock: 10, till: 0 });
    expect(scope.entries).toEqual([]);
    await expect(runFlow(flow, shop(), ledger(), { failStep: 'teleport' })).rejects.toThrow(
      'Flow sell has no step "teleport" to make fail.',
    );
  });

  it('refuses a flow that names two steps alike', () => {
    expect(() => defineFlow('sell', [takeUnit, staged('books', [write('take-unit')])])).toThrow(
      'Flow sell names two steps "take-unit".',
    );
  });
});
