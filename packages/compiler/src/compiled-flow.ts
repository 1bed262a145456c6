import type { NodeKind } from '@switchyard/flow';

/** State key of the state a flow rests in between runs. */
export const IDLE = '_idle';

/** A node as the host needs it at run time. */
export interface CompiledNode {
  readonly type: string;
  readonly version: number;
  readonly kind: NodeKind;
  readonly config: unknown;
}

/** A guard or action reference in the machine config, resolved by `createFlowMachine`. */
export interface Ref {
  readonly type: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** One choice of a route: condition node and the port it must answer. */
export type RouteStep = readonly [node: string, port: string];

/**
 * Params of the `route` guard: the node that gates the transition (a trigger's or wait's
 * filter, or the action whose effect.done/error this is) and the condition answers the
 * route needs, in order.
 */
export interface RouteParams {
  readonly from?: string;
  readonly steps: readonly RouteStep[];
}

export interface TransitionConfig {
  /** Absent: the flow stays in its state (an action holding the run, timers kept). */
  readonly target?: string;
  readonly guard?: Ref;
  readonly actions?: readonly Ref[];
  /** Exit and enter again when the target is the source (restarts a wait's timer). */
  readonly reenter?: boolean;
}

export interface StateConfig {
  readonly entry?: readonly Ref[];
  readonly always?: readonly TransitionConfig[];
  readonly on?: Readonly<Record<string, readonly TransitionConfig[]>>;
  readonly after?: Readonly<Record<string, readonly TransitionConfig[]>>;
}

/** Plain-JSON XState v5 machine config: what `switchyard compile` prints. */
export interface MachineJson {
  readonly id: string;
  readonly initial: string;
  readonly context: { readonly vars: Readonly<Record<string, unknown>> };
  readonly states: Readonly<Record<string, StateConfig>>;
}

/** A flow version compiled for execution: the machine plus the nodes it refers to. */
export interface CompiledFlow {
  readonly id: string;
  readonly name: string;
  readonly machine: MachineJson;
  readonly nodes: Readonly<Record<string, CompiledNode>>;
  /** Ticket events that can start a run, for hosts that skip flows an event cannot move. */
  readonly triggerEvents: readonly string[];
}
