import { errorMessage } from './error-message';
import type { CompiledFlow } from '@switchyard/compiler';
import type { TicketEvent, TicketPatch } from '@switchyard/flow';
import {
  type ActionContext,
  type ActionResult,
  noHttp,
  noSecrets,
  type NodeHttpClient,
  type NodeInputs,
  type NodeLogger,
  type NodeRegistry,
  type NodeSecrets,
  type OutboundMessage,
  renderTemplate,
  type Roster,
  silentLogger,
  templateView,
} from '@switchyard/nodes';
import type { TicketState } from './ticket-state';

/** One action node to run, with the ticket and run as they are at that moment. */
export interface EffectRequest {
  readonly flow: CompiledFlow;
  readonly node: string;
  readonly state: TicketState;
  /** Epoch milliseconds on the host's clock. */
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
      /** A message to deliver (real runs store it in the ticket's conversation). */
      readonly message?: OutboundMessage | undefined;
      /** What the action weighed, when the runner explains (`EffectRunnerOptions.explain`). */
      readonly inputs?: NodeInputs | undefined;
    }
  | { readonly ok: false; readonly error: string };

/** A side-effecting action handed to the host to deliver later (the outbox), with its idempotency key. */
export interface DeferredEffect {
  readonly request: EffectRequest;
  readonly idempotencyKey: string;
}

/** Runs one action node; never throws (a failure is an outcome). Undefined: the effect was deferred. */
export type EffectRunner = (request: EffectRequest) => Promise<EffectOutcome | undefined>;

export interface EffectRunnerOptions {
  readonly registry: NodeRegistry;
  readonly roster: Roster;
  /** How often each `flow/node` was entered before; updated in place (a durable host persists it). */
  readonly visits?: Map<string, number>;
  /**
   * Where side-effecting actions go in a real run (the outbox). Without it they are
   * simulated: `simulate` stands in for `run`, or the effect is recorded alone.
   */
  readonly defer?: (effect: DeferredEffect) => void;
  /** Ask each action that can for what it weighed (`explain`), for a trace: off, nothing is asked. */
  readonly explain?: boolean;
}

/**
 * Runs action nodes for one ticket. Actions without side effects (assign, set_priority...)
 * run at once; side-effecting ones are deferred to the host or simulated (dry-run).
 * Visits are counted per flow and node, so each gets the idempotency key
 * `ticket:flow:node:visit` whether the run is real or a dry-run.
 * @example
 * const runEffect = createEffectRunner({ registry, roster });
 * const outcome = await runEffect({ flow, node: 'reply-1', state, now, event: undefined, vars: {} });
 */
export function createEffectRunner(options: EffectRunnerOptions): EffectRunner {
  const { registry, roster, defer, explain } = options;
  const visitCounts = options.visits ?? new Map<string, number>();
  return async (request) => {
    const { flow, node: nodeId } = request;
    const node = flow.nodes[nodeId];
    const def = node && registry.get(node.type, node.version);
    if (!node || def?.kind !== 'action') return { ok: false, error: `node ${nodeId} is not an action` };
    const key = `${flow.id}/${nodeId}`;
    const visit = (visitCounts.get(key) ?? 0) + 1;
    visitCounts.set(key, visit);
    const idempotencyKey = `${request.state.ticket.id}:${flow.id}:${nodeId}:${visit}`;
    if (def.sideEffect && defer) {
      defer({ request, idempotencyKey });
      return undefined;
    }
    const ctx = actionContext(request, roster, idempotencyKey);
    try {
      const pending = def.sideEffect ? (def.simulate?.(ctx, node.config) ?? {}) : def.run(ctx, node.config);
      const result: ActionResult = pending instanceof Promise ? await pending : pending;
      const outcome = actionOutcome(node.type, node.config, result);
      return explain && def.explain ? withInputs(outcome, () => def.explain?.(ctx, node.config)) : outcome;
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  };
}

/** The host's services for one action run; the outbox delivery gives real ones. */
export interface ActionServices {
  readonly signal: AbortSignal;
  readonly logger: NodeLogger;
  readonly secrets: NodeSecrets;
  readonly http: NodeHttpClient;
}

// Dry-runs call simulate(), and actions without sideEffect run inside the ticket's transaction: neither may call out.
const NO_IO = 'here: only actions with sideEffect: true get secrets and HTTP, when they run from the outbox (dry-runs call simulate)';

/** The context an action's code sees for a request; without services it logs nowhere, has no secrets and no HTTP. */
export function actionContext(
  request: EffectRequest,
  roster: Roster,
  idempotencyKey: string,
  services: Partial<ActionServices> = {},
): ActionContext {
  const { state, now, event, vars } = request;
  const { signal } = services;
  const ctx: ActionContext = {
    ticket: state.ticket,
    stats: state.stats,
    now: new Date(now),
    event,
    vars,
    roster,
    idempotencyKey,
    render: (template) => renderTemplate(template, templateView(ctx)),
    ...(signal ? { signal } : {}),
    logger: services.logger ?? silentLogger,
    secrets: services.secrets ?? noSecrets(NO_IO),
    http: services.http ?? noHttp(NO_IO),
  };
  return ctx;
}

/** A successful outcome from what an action returned. */
export function actionOutcome(type: string, config: unknown, result: ActionResult): EffectOutcome {
  return {
    ok: true,
    type,
    params: result.params ?? configParams(config),
    patch: result.patch,
    output: result.output,
    message: result.message,
  };
}

/** A compiled node's config is the parsed output of an object schema; anything else shows as no params. */
function configParams(config: unknown): Readonly<Record<string, unknown>> {
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? Object.fromEntries(Object.entries(config)) : {};
}

/** An outcome with what its action weighed; an `explain` that throws costs the trace its inputs, never the run. */
function withInputs(outcome: EffectOutcome, explain: () => NodeInputs | undefined): EffectOutcome {
  if (!outcome.ok) return outcome;
  try {
    const inputs = explain();
    return inputs ? { ...outcome, inputs } : outcome;
  } catch {
    return outcome;
  }
}
