/**
 * Property-based tests of the product rule "bad input gets a clear error that names the
 * field or node, and changes nothing": validation never throws whatever it is given, every
 * diagnostic is readable in both languages, what it refuses never compiles, and what it
 * accepts compiles, deterministically, to a machine that runs. Generators live in
 * `random-flows/`. The seed is fixed (`fastCheckSeed`); fast-check prints it and the shrunk
 * counterexample of a failure: replay one with `{ seed, path }` in the failing `fc.assert`.
 */
import { compileFlow, createFlowMachine, FlowCompileError } from '@switchyard/compiler';
import { type Diagnostic, type FlowDocumentInput, validateFlow } from '@switchyard/flow';
import { dryRun, dryRunTicket, prepareFlows, SampleTicket } from '@switchyard/runtime';
import { checkedAgainstXState, newStepperTally } from '@switchyard/runtime/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { almostFlow } from './random-flows/almost-flows';
import { diagnosticProblems } from './random-flows/diagnostic-problems';
import { fastCheckSeed } from './random-flows/fast-check-seed';
import { expectDeepEqual, notJson } from './random-flows/plain-json';
import { registry, roster } from './random-flows/flow-registry';
import { runProblems } from './random-flows/run-problems';
import { sampleTicket } from './random-flows/sample-tickets';
import { VALID_CONFIGS } from './random-flows/valid-configs';
import { validFlow } from './random-flows/valid-flows';

/** The error compiling `input` throws, or undefined when it compiles. */
function compileError(input: unknown): unknown {
  try {
    compileFlow(input, registry);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Checks what validation said about `input`; returns its diagnostics. */
function expectSoundValidation(input: unknown): { ok: boolean; diagnostics: readonly Diagnostic[] } {
  const validation = validateFlow(input, registry);
  expect(diagnosticProblems(input, validation.diagnostics)).toEqual([]);
  if (!validation.ok) {
    expect(validation.diagnostics.length).toBeGreaterThan(0);
    const error = compileError(input);
    expect(error).toBeInstanceOf(FlowCompileError);
    if (error instanceof FlowCompileError) expect(error.diagnostics).toEqual(validation.diagnostics);
  }
  return validation;
}

const options = { registry, roster };
const plainTicket = SampleTicket.parse({
  id: 'T-plain',
  channel: 'chat',
  subject: '投诉 物流',
  customer: { id: 'c1' },
  createdAt: '2026-01-05T01:00:00Z',
  events: [{ at: '+1h', type: 'customer.message', body: 'urgent' }],
});

describe('random flows: validation never throws and explains itself', () => {
  it('the valid-config table covers every built-in node type, and its configs parse', () => {
    expect(Object.keys(VALID_CONFIGS).sort()).toEqual(
      registry
        .list()
        .map((d) => d.type)
        .sort(),
    );
    for (const [type, configs] of Object.entries(VALID_CONFIGS)) {
      for (const config of fc.sample(configs, { numRuns: 20, ...fastCheckSeed() }))
        expect(registry.get(type)!.config.safeParse(config).error).toBeUndefined();
    }
  });

  it('any value at all: validateFlow returns diagnostics, never throws', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withBigInt: true }),
        (value) => {
          expectSoundValidation(value);
        },
      ),
      { numRuns: 200, ...fastCheckSeed() },
    );
  });

  it('arbitrary JSON and almost-flows: every diagnostic has a code, English, Chinese and a subject; a refused flow never compiles; an accepted one compiles and runs', async () => {
    await fc.assert(
      fc.asyncProperty(almostFlow, async (value) => {
        const { ok } = expectSoundValidation(value);
        if (!ok) return;
        const compiled = compileFlow(value, registry);
        const [result] = await dryRun([compiled], [plainTicket], options);
        expect(runProblems([compiled], [plainTicket], [result!])).toEqual([]);
      }),
      { numRuns: 400, ...fastCheckSeed() },
    );
  });
});

describe('random valid flows: compile and run', () => {
  it('validate, compile deterministically to plain JSON, and make a machine', () => {
    fc.assert(
      fc.property(validFlow(), (flow: FlowDocumentInput) => {
        const validation = validateFlow(flow, registry);
        // Random actions rarely wire their error port: that warning (issue 17) is expected here.
        expect(validation.diagnostics.filter((d) => d.code !== 'unguarded_side_effect')).toEqual([]);
        expect(validation.ok).toBe(true);
        const compiled = compileFlow(flow, registry);
        expect(JSON.stringify(compileFlow(structuredClone(flow), registry))).toBe(JSON.stringify(compiled));
        expect(notJson(compiled)).toEqual([]);
        const [idle] = initialTransition(createFlowMachine(compiled, registry));
        expect(idle.value).toBe('_idle');
      }),
      { numRuns: 200, ...fastCheckSeed() },
    );
  });

  it('dry-run sample tickets through one or two of them: finishes, stays in the flows and the 30 days, and gives the same results twice', async () => {
    const flows = fc.uniqueArray(validFlow(), { minLength: 1, maxLength: 2, selector: (flow) => flow.id });
    await fc.assert(
      fc.asyncProperty(flows, fc.array(sampleTicket(), { minLength: 1, maxLength: 3 }), async (documents, tickets) => {
        const compiled = documents.map((doc) => compileFlow(doc, registry));
        const results = await dryRun(compiled, tickets, options);
        expect(runProblems(compiled, tickets, results)).toEqual([]);
        const again = await dryRun(
          documents.map((doc) => compileFlow(doc, registry)),
          tickets,
          options,
        );
        expectDeepEqual(again, results);
      }),
      { numRuns: 100, ...fastCheckSeed() },
    );
  });

  it("the engine's own stepper agrees with XState's transition on every step of random flows and tickets", async () => {
    const flows = fc.uniqueArray(validFlow(), { minLength: 1, maxLength: 2, selector: (flow) => flow.id });
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(flows, fc.array(sampleTicket(), { minLength: 1, maxLength: 3 }), async (documents, tickets) => {
        const tally = newStepperTally();
        const prepared = checkedAgainstXState(
          prepareFlows(
            documents.map((doc) => compileFlow(doc, registry)),
            registry,
          ),
          tally,
        );
        for (const ticket of tickets) await dryRunTicket(ticket, prepared, options);
        expect(tally.mismatches.slice(0, 3)).toEqual([]);
        steps += tally.steps;
      }),
      { numRuns: 100, ...fastCheckSeed() },
    );
    // The flows moved: the comparison was not vacuous.
    expect(steps).toBeGreaterThan(300);
  });
});
