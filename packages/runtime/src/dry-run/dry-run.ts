import type { CompiledFlow } from '@switchyard/compiler';
import type { DryRunResult } from './dry-run-result';
import { dryRunTicket, type DryRunOptions } from './dry-run-ticket';
import { prepareFlows } from '../engine/prepared-flow';
import type { SampleTicket } from './sample-ticket';
import { createTicketNumberer } from './ticket-number';

/**
 * Dry-runs sample tickets through several flows together, as production runs them:
 * same compiled machines, a virtual clock, simulated effects. Each ticket starts from
 * the same roster, so results do not depend on ticket order. Tickets without a number
 * get one (GD + yyyyMM + sequence) in input order.
 * @example
 * const results = await dryRun([compileFlow(doc, registry)], tickets, { registry, roster });
 */
export async function dryRun(
  flows: readonly CompiledFlow[],
  tickets: readonly SampleTicket[],
  options: DryRunOptions,
): Promise<DryRunResult[]> {
  const prepared = prepareFlows(flows, options.registry);
  const nextNumber = createTicketNumberer();
  const results: DryRunResult[] = [];
  for (const ticket of tickets) {
    const numbered = ticket.number ? ticket : { ...ticket, number: nextNumber(ticket.createdAt) };
    results.push(await dryRunTicket(numbered, prepared, options));
  }
  return results;
}
