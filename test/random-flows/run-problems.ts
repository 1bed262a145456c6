import type { CompiledFlow } from '@switchyard/compiler';
import type { DryRunResult, SampleTicket } from '@switchyard/runtime';
import { HORIZON_MS } from './sample-tickets';

/**
 * What is wrong with the dry-run results of `tickets` through `flows`, one line each;
 * empty when there is one result per ticket, every node of a path is a node of its flow,
 * and every action and error happened between the ticket's creation and the 30-day horizon.
 */
export function runProblems(flows: readonly CompiledFlow[], tickets: readonly SampleTicket[], results: readonly DryRunResult[]): string[] {
  const problems: string[] = [];
  if (results.length !== tickets.length) problems.push(`${results.length} results for ${tickets.length} tickets`);
  const nodesOf = new Map(flows.map((f) => [f.id, new Set(Object.keys(f.nodes))]));
  const allNodes = new Set(flows.flatMap((f) => Object.keys(f.nodes)));
  results.forEach((result, i) => {
    const ticket = tickets[i]!;
    const say = (problem: string) => problems.push(`ticket ${ticket.id}: ${problem}`);
    const createdAt = Date.parse(ticket.createdAt);
    const inWindow = (at: string) => {
      const time = Date.parse(at);
      return time >= createdAt && time <= createdAt + HORIZON_MS;
    };
    for (const node of result.path) if (!allNodes.has(node)) say(`path names ${node}, no node of any flow`);
    for (const [flow, path] of Object.entries(result.paths)) {
      const nodes = nodesOf.get(flow);
      if (!nodes) say(`paths names flow ${flow}, which was not run`);
      for (const node of path) if (nodes && !nodes.has(node)) say(`path of ${flow} names ${node}, not a node of it`);
    }
    for (const action of result.actions) {
      if (!inWindow(action.at)) say(`action ${action.flow}/${action.node} at ${action.at}, outside the 30 days after ${ticket.createdAt}`);
      if (!nodesOf.get(action.flow)?.has(action.node)) say(`action of unknown node ${action.flow}/${action.node}`);
    }
    for (const error of result.errors) if (!inWindow(error.at)) say(`error at ${error.at}, outside the 30 days: ${error.message}`);
  });
  return problems;
}
