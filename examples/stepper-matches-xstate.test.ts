import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { compileFlow, createFlowLogic, createFlowStepper, type FlowStepper, takeGuardFailure } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';
import { advanceFlow, dryRunTicket, type PreparedFlow, parseTicketsFile, prepareFlows } from '@switchyard/runtime';
import { describe, expect, it } from 'vitest';

/*
 * The engine steps flows with its own stepper (createFlowStepper), not XState: every step of every
 * example ticket through the fourteen example flows is also taken by XState's pure transition on the
 * same machine, and the two must agree on the state, the context and everything the host is asked
 * to do. A mismatch is collected, not thrown: the engine would report a throw as a flow error.
 */
const here = import.meta.dirname;
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
const ROSTER_FOR: Readonly<Record<string, string>> = { '03-after-sales-routing-busy.jsonl': 'agents-busy.json' };
const compiled = readdirSync(join(here, 'flows'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => compileFlow(JSON.parse(readFileSync(join(here, 'flows', file), 'utf8')), registry));
const ticketFiles = readdirSync(join(here, 'tickets'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

interface Checked {
  steps: number;
  failures: number;
  readonly mismatches: string[];
}

/** The flow's own stepper, each step checked against XState's. */
function checked(flow: PreparedFlow, tally: Checked): FlowStepper {
  return (state, event) => {
    const snapshot = flow.machine.resolveState({ value: state.value, context: state.context });
    let expected: ReturnType<typeof advanceFlow> | undefined;
    let expectedError: Error | undefined;
    try {
      // Its own event object: guards cache answers and record failures per event; decisions are the stepper's to record.
      expected = advanceFlow(flow.machine, snapshot, { ...event, decisions: undefined });
    } catch (error) {
      expectedError = error instanceof Error ? error : new Error(String(error));
    }
    const where = `${flow.compiled.id} in ${JSON.stringify(state.value)} on ${event.type}`;
    let actual: ReturnType<FlowStepper>;
    try {
      actual = flow.step(state, event);
    } catch (error) {
      tally.failures++;
      if (!expectedError || String(error) !== String(expectedError))
        tally.mismatches.push(`${where}: stepper threw ${String(error)}, XState ${String(expectedError)}`);
      throw error;
    }
    const failure = takeGuardFailure(event);
    if (failure) {
      tally.failures++;
      if (String(failure) !== String(expectedError))
        tally.mismatches.push(`${where}: guard failed with ${String(failure)}, XState ${String(expectedError)}`);
      throw failure;
    }
    tally.steps++;
    if (!expected) {
      tally.mismatches.push(`${where}: XState threw ${String(expectedError)}, the stepper did not`);
      return actual;
    }
    const pick = (s: typeof actual) => ({
      value: s.snapshot.value,
      vars: s.snapshot.context.vars,
      visits: s.visits,
      effects: s.effects,
      timers: s.timers,
      cancels: s.cancels,
      failures: s.failures,
    });
    if (!isDeepStrictEqual(pick(actual), pick(expected))) {
      tally.mismatches.push(`${where}: stepper ${JSON.stringify(pick(actual))}, XState ${JSON.stringify(pick(expected))}`);
    }
    if ((expected.snapshot === snapshot) !== (actual.snapshot === state)) tally.mismatches.push(`${where}: one moved, the other did not`);
    return actual;
  };
}

describe('the engine stepper', () => {
  it('steps each example flow itself (no flow falls back to XState)', () => {
    for (const flow of compiled) expect(createFlowStepper(flow, createFlowLogic(flow, registry)), flow.id).toBeTypeOf('function');
  });

  it.each([false, true])('agrees with XState on every step of every example ticket (explain: %s)', async (explain) => {
    const tally: Checked = { steps: 0, failures: 0, mismatches: [] };
    const prepared = prepareFlows(compiled, registry);
    const flows = prepared.map((flow) => ({ ...flow, step: checked(flow, tally) }));
    for (const file of ticketFiles) {
      const roster = Roster.parse(JSON.parse(readFileSync(join(here, ROSTER_FOR[file] ?? 'agents.json'), 'utf8')));
      const tickets = parseTicketsFile(readFileSync(join(here, 'tickets', file), 'utf8'), `examples/tickets/${file}`);
      for (const ticket of tickets) {
        const ours = await dryRunTicket(ticket, flows, { registry, roster, explain });
        const plain = await dryRunTicket(ticket, prepared, { registry, roster, explain });
        expect(ours, `${file} ${ticket.id}`).toEqual(plain);
      }
    }
    expect(tally.mismatches.slice(0, 5)).toEqual([]);
    expect(tally.steps).toBeGreaterThan(1000);
  });
});
