import type { ConfigWarning, Locale, NodeKind, TicketEventType } from '@switchyard/flow';
import type { z } from 'zod';
import type { ActionContext, ActionResult, NodeContext } from './node-context';
import type { WaitOutcomes } from './wait-outcomes';
import { SECRET_NAME } from './node-secrets';

/** Text in both languages the product speaks. */
export interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

interface NodeBase<C extends z.ZodType> {
  /** Unique name: `snake_case` for built-ins, `vendor.action` for custom nodes. */
  readonly type: string;
  /** Bumped when the config or behaviour changes; old versions stay registered. */
  readonly version?: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  /** An icon name for the editor palette (lucide names). */
  readonly icon?: string;
  readonly config: C;
  /**
   * Upgrades configs written for older versions of this type whose code is gone: a flow
   * published against `from` keeps running on this version's code (its config migrated
   * when the node runs). Keep the old definition registered instead to keep old behaviour.
   */
  readonly migrations?: readonly ConfigMigration<C>[];
  /** One line for the canvas, e.g. "contains 物流, 快递 ...". */
  summary?(config: z.output<C>, locale: Locale): string;
  /**
   * What is valid but risky in a config (e.g. a `{{{raw}}}` tag in a URL): validation shows
   * each as a warning naming the node and field. Messages made with `bilingual(en, zh)`.
   */
  warnings?(config: z.output<C>): readonly ConfigWarning[];
}

/** How a config of an older version of a node type becomes one of this version. */
export interface ConfigMigration<C extends z.ZodType> {
  /** The older version whose configs this upgrades. */
  readonly from: number;
  /** The old config (as published) to an input of this version's schema, which then parses it. */
  up(config: Readonly<Record<string, unknown>>): z.input<C>;
}

export interface TriggerInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'trigger';
  /** The ticket event that starts a run. */
  readonly event: TicketEventType;
  /** Narrows which events of that type start a run (e.g. only status "resolved"). */
  matches?(ctx: NodeContext, config: z.output<C>): boolean;
}

export interface ConditionInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'condition';
  /** Branches; ["true", "false"] unless the condition picks among cases. */
  ports?(config: z.output<C>): readonly string[];
  /** Pure: returns the branch to take (booleans mean "true" / "false"). */
  evaluate(ctx: NodeContext, config: z.output<C>): boolean | string;
  /**
   * What `evaluate` looked at, for a ticket's trace: the keyword that matched, the field and its
   * value, the count compared. Called only when a host records decisions (never on the dry-run's
   * or backtest's hot path unless asked), after `evaluate`, with the same context. JSON values only.
   */
  explain?(ctx: NodeContext, config: z.output<C>): NodeInputs;
}

/** What a node looked at to decide, by name (JSON values): a trace shows them beside its answer. */
export type NodeInputs = Readonly<Record<string, unknown>>;

export interface ActionInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'action';
  /**
   * True when `run` reaches outside Switchyard (HTTP, messages). Such actions run from
   * the outbox at run time, and dry-run calls `simulate` (or records the effect) instead.
   */
  readonly sideEffect?: boolean;
  /**
   * How long `run` may take at run time before it is abandoned and retried (default: the
   * worker's limit, 60 s). A `timeoutMs` field in a node's config overrides it per node.
   */
  readonly timeoutMs?: number;
  /**
   * Secret names `run` reads with `ctx.secrets.get` (e.g. `BILLING_API_KEY`): the catalog
   * lists them (never their values) and the host loads only these.
   */
  readonly secrets?: readonly string[];
  /**
   * The shape of `output`, which later nodes read as `vars.<node id>`: the editor lists its
   * fields and validation checks names against it. `z.never()` for an action that leaves
   * none; left out, any name below `vars.<node id>` is accepted.
   */
  readonly output?: z.ZodType;
  run(ctx: ActionContext, config: z.output<C>): ActionResult | Promise<ActionResult>;
  /** Dry-run stand-in for `run` of a side-effecting action: no I/O. */
  simulate?(ctx: ActionContext, config: z.output<C>): ActionResult;
  /**
   * Keeps the run at this action after it ran until a ticket event ends the hold (an agent
   * accepts an assignment) or a timer runs the action again (re-routing). Actions without
   * side effects only: they run at once, so the hold starts as the action is entered.
   */
  readonly hold?: ActionHold<C>;
  /**
   * What the action weighed, for a ticket's trace (an assignment: the agents considered and why
   * each was passed over). Called only when a host records decisions, with the context `run` had.
   */
  explain?(ctx: ActionContext, config: z.output<C>): NodeInputs;
}

/** How an action holds the run after it ran (see `ActionInput.hold`). */
export interface ActionHold<C extends z.ZodType> {
  /** Whether this config can hold at all: only then is the hold compiled into the flow. */
  enabled(config: z.output<C>): boolean;
  /** Whether the run stays here after the action gave this output. */
  holds(output: unknown, config: z.output<C>): boolean;
  /** Ticket events that can end the hold (each then passes `matches`). */
  readonly events: readonly TicketEventType[];
  /** Whether this event ends the hold; the run then goes on through "next". */
  matches(ctx: NodeContext, config: z.output<C>): boolean;
  /**
   * How long after entering the action it runs again, when the hold has not ended. The run
   * then re-enters the node with `vars.<node id>.expired` set on its previous output.
   */
  delayMs(ctx: NodeContext, config: z.output<C>): number;
}

/** The flag a hold's timer sets on the action's previous output before it runs again. */
export const HOLD_EXPIRED = 'expired';

export interface PlainWaitInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'wait';
  /** The event that ends the wait early (port "event"); none for a plain delay (port "next"). */
  event?(config: z.output<C>): TicketEventType | undefined;
  /** Narrows which events end the wait. */
  matches?(ctx: NodeContext, config: z.output<C>): boolean;
  /** How long from now until the timeout (or the delay) fires. */
  delayMs(ctx: NodeContext, config: z.output<C>): number;
  readonly outcomes?: undefined;
}

/** A wait with outcomes of its own (SLA policy, approval, confirmation): see `WaitOutcomes`. */
export interface OutcomeWaitInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'wait';
  readonly outcomes: WaitOutcomes<C>;
  readonly event?: undefined;
  readonly matches?: undefined;
  readonly delayMs?: undefined;
}

export type WaitInput<C extends z.ZodType> = PlainWaitInput<C> | OutcomeWaitInput<C>;

export interface EndInput<C extends z.ZodType> extends NodeBase<C> {
  readonly kind: 'end';
}

export type NodeInput<C extends z.ZodType> = TriggerInput<C> | ConditionInput<C> | ActionInput<C> | WaitInput<C> | EndInput<C>;

/** What `defineNode` adds: a version and the ports the compiler and validation read. */
interface Normalized {
  readonly version: number;
  /** Set on the stand-in the registry derives for an old version from a newer one's migration: that newer version. */
  readonly migratedTo?: number;
  ports(config: unknown): readonly string[];
}

export type TriggerNode<C extends z.ZodType = z.ZodType> = TriggerInput<C> & Normalized;
export type ConditionNode<C extends z.ZodType = z.ZodType> = ConditionInput<C> & Normalized;
export type ActionNode<C extends z.ZodType = z.ZodType> = ActionInput<C> & Normalized;
export type WaitNode<C extends z.ZodType = z.ZodType> = WaitInput<C> & Normalized;
export type PlainWaitNode<C extends z.ZodType = z.ZodType> = PlainWaitInput<C> & Normalized;
export type OutcomeWaitNode<C extends z.ZodType = z.ZodType> = OutcomeWaitInput<C> & Normalized;
export type EndNode<C extends z.ZodType = z.ZodType> = EndInput<C> & Normalized;

/** Any node definition, as registries and hosts hold them. */
export type NodeDefinition = TriggerNode | ConditionNode | ActionNode | WaitNode | EndNode;

/** Node type names: `snake_case`, namespaced with dots for custom nodes (`billing.suspend`). */
export const TYPE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/**
 * Defines a node type: data (type, titles, config schema) plus the code that runs it.
 * The config type is inferred from the zod schema.
 * @example
 * export const setPriority = defineNode({
 *   type: 'set_priority', kind: 'action',
 *   title: { en: 'Set priority', 'zh-CN': '设置优先级' },
 *   config: z.object({ priority: Priority }),
 *   run: (_ctx, config) => ({ patch: { priority: config.priority } }),
 * });
 */
export function defineNode<C extends z.ZodType>(input: TriggerInput<C>): TriggerNode<C>;
export function defineNode<C extends z.ZodType>(input: ConditionInput<C>): ConditionNode<C>;
export function defineNode<C extends z.ZodType>(input: ActionInput<C>): ActionNode<C>;
export function defineNode<C extends z.ZodType>(input: PlainWaitInput<C>): PlainWaitNode<C>;
export function defineNode<C extends z.ZodType>(input: OutcomeWaitInput<C>): OutcomeWaitNode<C>;
export function defineNode<C extends z.ZodType>(input: EndInput<C>): EndNode<C>;
export function defineNode<C extends z.ZodType>(input: NodeInput<C>): NodeDefinition {
  if (!TYPE_NAME.test(input.type)) {
    throw new Error(`node type "${input.type}": use lower-case snake_case, optionally namespaced with dots (billing.suspend)`);
  }
  const version = input.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`node type "${input.type}": version must be a positive integer`);
  checkMigrations(input.type, version, input.migrations);
  if (input.kind === 'action') checkSecretNames(input.type, input.secrets);
  if (input.kind === 'action' && input.hold && input.sideEffect) {
    throw new Error(`node type "${input.type}": a hold needs an action without side effects (it must run at once)`);
  }
  return { ...input, version, ports: portsOf(input) };
}

/** Migrations come from older versions, one per version. */
export function checkMigrations(type: string, version: number, migrations: unknown): void {
  if (migrations === undefined) return;
  if (!Array.isArray(migrations)) throw new Error(`node type "${type}": migrations must be an array of { from, up }`);
  const seen = new Set<unknown>();
  for (const item of migrations as unknown[]) {
    const { from, up } = typeof item === 'object' && item !== null ? (item as { from?: unknown; up?: unknown }) : {};
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from >= version) {
      throw new Error(
        `node type "${type}" v${version}: migration from ${String(from)} must come from an older version (1..${version - 1})`,
      );
    }
    if (typeof up !== 'function') throw new Error(`node type "${type}" v${version}: migration from ${from} needs up(config)`);
    if (seen.has(from)) throw new Error(`node type "${type}" v${version}: two migrations from version ${from}`);
    seen.add(from);
  }
}

/** Declared secrets are upper-case names, each once. */
export function checkSecretNames(type: string, secrets: unknown): void {
  if (secrets === undefined) return;
  if (!Array.isArray(secrets)) throw new Error(`node type "${type}": secrets must be an array of names`);
  const seen = new Set<string>();
  for (const name of secrets as unknown[]) {
    if (typeof name !== 'string' || !SECRET_NAME.test(name)) {
      throw new Error(`node type "${type}": secret name ${JSON.stringify(name)} must be UPPER_SNAKE_CASE (BILLING_API_KEY)`);
    }
    if (seen.has(name)) throw new Error(`node type "${type}": secret ${name} is listed twice`);
    seen.add(name);
  }
}

function portsOf<C extends z.ZodType>(input: NodeInput<C>): (config: unknown) => readonly string[] {
  switch (input.kind) {
    case 'trigger':
      return () => ['next'];
    case 'condition': {
      const custom = input.ports?.bind(input);
      // Callers pass the config this node's own schema parsed (validation, the catalog's defaults): the definition erases C.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
      return custom ? (config) => custom(config as z.output<C>) : () => ['true', 'false'];
    }
    case 'action':
      return () => ['next', 'error'];
    case 'wait': {
      if (input.outcomes) {
        const outcomes = input.outcomes;
        // As for ports above: the config was parsed by this node's schema.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
        return (config) => outcomes.ports(config as z.output<C>);
      }
      const event = input.event?.bind(input);
      // As for ports above: the config was parsed by this node's schema.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
      return (config) => (event?.(config as z.output<C>) ? ['event', 'timeout'] : ['next']);
    }
    case 'end':
      return () => [];
  }
}

export type { ConfigWarning, NodeKind };
export type { WaitAnswer, WaitOutcomes, WaitSelf } from './wait-outcomes';
