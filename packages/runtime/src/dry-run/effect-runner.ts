import type { CompiledFlow } from '@switchyard/compiler';
import type { TicketEvent, TicketPatch } from '@switchyard/flow';
import { type ActionContext, type ActionResult, type NodeRegistry, renderTemplate, type Roster, templateView } from '@switchyard/nodes';
import type { TicketState } from '../engine/ticket-state';

/** One action node to run, with the ticket and run as they are at that moment. */
export interface EffectRequest {
  readonly flow: CompiledFlow;
  readonly node: string;
  readonly state: TicketState;
  /** Epoch milliseconds on the virtual clock. */
  readonly now: number;
  /** The ticket event that started the step, if any. */
  readonly event: TicketEvent | undefined;
  readonly vars: Record<string, unknown>;
}

/** What running an action gave: what to record and apply, or why it failed. */
export type EffectOutcome =
  | {
      readonly ok: true;
      readonly type: string;
      /** The effect as the report shows it (the node's config unless the action says otherwise). */
      readonly params: Readonly<Record<string, unknown>>;
      readonly patch: TicketPatch | undefined;
      readonly output: unknown;
    }
  | { readonly ok: false; readonly error: string };

/** Runs one action node of a dry-run; never throws (a failure is an outcome). */
export type EffectRunner = (request: EffectRequest) => Promise<EffectOutcome>;

/**
 * Runs action nodes the dry-run way: a side-effecting action's `simulate` stands in for
 * `run` (no I/O; none given records the effect alone), any other action runs for real.
 * Visits are counted per flow and node, so each gets the idempotency key a real run would.
 * One runner per ticket: the counts belong to it.
 * @example
 * const runEffect = createEffectRunner(registry, roster);
 * const outcome = await runEffect({ flow, node: 'reply-1', state, now, event: undefined, vars: {} });
 */
export function createEffectRunner(registry: NodeRegistry, roster: Roster): EffectRunner {
  const visitCounts = new Map<string, number>();
  return async ({ flow, node: nodeId, state, now, event, vars }) => {
    const node = flow.nodes[nodeId];
    const def = node && registry.get(node.type, node.version);
    if (!node || def?.kind !== 'action') return { ok: false, error: `node ${nodeId} is not an action` };
    const key = `${flow.id}/${nodeId}`;
    const visit = (visitCounts.get(key) ?? 0) + 1;
    visitCounts.set(key, visit);
    const ctx: ActionContext = {
      ticket: state.ticket,
      stats: state.stats,
      now: new Date(now),
      event,
      vars,
      roster,
      idempotencyKey: `${state.ticket.id}:${flow.id}:${nodeId}:${visit}`,
      render: (template) => renderTemplate(template, templateView(ctx)),
    };
    try {
      const pending = def.sideEffect ? (def.simulate?.(ctx, node.config) ?? {}) : def.run(ctx, node.config);
      const result: ActionResult = pending instanceof Promise ? await pending : pending;
      return { ok: true, type: node.type, params: result.params ?? configParams(node.config), patch: result.patch, output: result.output };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** A compiled node's config is the parsed output of an object schema; anything else shows as no params. */
function configParams(config: unknown): Readonly<Record<string, unknown>> {
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
}
