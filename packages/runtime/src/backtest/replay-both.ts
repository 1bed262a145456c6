import type { BacktestDifference, ReplayRun } from '@switchyard/api';
import { maskSensitiveText } from '@switchyard/api';
import type { NodeRegistry, Roster } from '@switchyard/nodes';
import { isDeepStrictEqual } from 'node:util';
import type { BacktestReplays } from '../db/stored/backtest-shapes';
import { versionKey } from '../durable/flow-cache';
import { errorMessage } from '../engine/error-message';
import type { PreparedFlow } from '../engine/prepared-flow';
import { differenceKinds, firstDifference } from './compare-replays';
import type { ReplayHistory } from './load-replay-history';
import { replayTicket } from './replay-ticket';

/** One ticket of a backtest: how it differs, and both replays. */
export interface TicketOutcome {
  readonly summary: BacktestDifference;
  readonly replays: BacktestReplays;
}

/**
 * Replays a recorded ticket twice: through the versions it ran (the baseline, checked against
 * what production recorded: a disagreement is a replay error naming the first difference) and
 * through the candidate in place of its flow's version, the other flows as they were bound
 * (the candidate runs last when the ticket was not bound to its flow). Then compares the two.
 */
export async function replayBoth(
  history: ReplayHistory,
  prepared: ReadonlyMap<string, PreparedFlow>,
  candidate: PreparedFlow,
  options: { readonly registry: NodeRegistry; readonly roster: Roster; readonly until: number },
): Promise<TicketOutcome> {
  const { ticket } = history;
  const summaryOf = (kinds: BacktestDifference['kinds'], replayError: BacktestDifference['replayError']): BacktestDifference => ({
    ticketId: ticket.id,
    number: ticket.number,
    subject: maskSensitiveText(ticket.subject),
    kinds,
    replayError,
  });
  try {
    const baselineFlows = history.bindings.map((b) => {
      const flow = prepared.get(versionKey(b.flowId, b.version));
      if (!flow) throw new Error(`flow ${b.flowId} version ${b.version} was not loaded`);
      return flow;
    });
    const flowId = candidate.compiled.id;
    const at = baselineFlows.findIndex((f) => f.compiled.id === flowId);
    const candidateFlows = at === -1 ? [...baselineFlows, candidate] : baselineFlows.map((f, i) => (i === at ? candidate : f));
    const own = at === -1 ? undefined : baselineFlows[at]?.compiled;
    const sameNode = (id: string, node: string) =>
      id !== flowId || (own !== undefined && isDeepStrictEqual(own.nodes[node], candidate.compiled.nodes[node]));
    const base = { registry: options.registry, roster: options.roster, until: options.until };
    const baseline = await replayTicket(history, baselineFlows, { ...base, reuse: () => true });
    const changed = await replayTicket(history, candidateFlows, { ...base, reuse: sameNode });
    const replayError = history.unreplayable
      ? { field: 'history', production: history.unreplayable, replay: null }
      : (firstDifference(history.production, baseline.run) ?? null);
    const roster = baseline.rosterToday || changed.rosterToday ? 'today' : 'recorded';
    return {
      summary: summaryOf(differenceKinds(baseline.run, changed.run, options.registry), replayError),
      replays: { roster, baseline: baseline.run, candidate: changed.run },
    };
  } catch (error) {
    const empty: ReplayRun = {
      ticketId: ticket.id,
      path: [],
      actions: [],
      final: history.production.final,
      errors: [],
      paths: {},
      slaBreaches: 0,
    };
    return {
      summary: summaryOf([], { field: 'history', production: errorMessage(error), replay: null }),
      replays: { roster: 'today', baseline: empty, candidate: empty },
    };
  }
}
