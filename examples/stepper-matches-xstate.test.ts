import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { compileFlow, createFlowLogic, createFlowStepper } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';
import { dryRunTicket, parseTicketsFile, prepareFlows } from '@switchyard/runtime';
import { checkedAgainstXState, newStepperTally } from '@switchyard/runtime/testing';
import { describe, expect, it } from 'vitest';

/*
 * The engine steps flows with its own stepper (createFlowStepper), not XState: every step of every
 * example ticket through the fourteen example flows is also taken by XState's pure transition on the
 * same machine, and the two must agree (`checkedAgainstXState`). test/random-flows.test.ts does the
 * same for seeded random flows.
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

describe('the engine stepper', () => {
  it('steps each example flow itself (no flow falls back to XState)', () => {
    for (const flow of compiled) expect(createFlowStepper(flow, createFlowLogic(flow, registry)), flow.id).toBeTypeOf('function');
  });

  it.each([false, true])('agrees with XState on every step of every example ticket (explain: %s)', async (explain) => {
    const tally = newStepperTally();
    const prepared = prepareFlows(compiled, registry);
    const flows = checkedAgainstXState(prepared, tally);
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
