import { Environment } from '@marcbachmann/cel-js';
import { meterExpression, RE2_MATCHES } from './cel-metering';
import type { LocalizedText } from './define-node';
import { EXPRESSION_BUDGET, withBudget } from './evaluation-budget';
import type { NodeContext } from './node-context';
import { compilePattern, patternError } from './regex-pattern';

/** Longest expression a flow may hold; parsing is also capped (2,000 AST nodes, 64 deep). */
export const MAX_EXPRESSION_LENGTH = 2_000;

/*
 * CEL's `matches` runs on RE2 (linear time), as the CEL specification says it should;
 * cel-js's own runs a backtracking JavaScript RegExp that a customer's text can stall.
 */
const environment = new Environment({
  unlistedVariablesAreDyn: true,
  limits: { maxAstNodes: 2_000, maxDepth: 64 },
})
  .registerFunction(`string.${RE2_MATCHES}(string): bool`, (text: string, pattern: string) => compilePattern(pattern).test(text))
  .registerFunction(`${RE2_MATCHES}(string, string): bool`, (text: string, pattern: string) => compilePattern(pattern).test(text));

type Parsed = ReturnType<Environment['parse']>;

/** A parsed, metered expression; call it with a scope (under a budget: see evaluateBoolean). */
export type Compiled = Parsed & { readonly literalPatterns: readonly string[] };

const CACHE_SIZE = 1_000;
const cache = new Map<string, Compiled>();

/**
 * Compiles a CEL expression (Common Expression Language: no eval, no Function, no
 * loops), cached by source. Throws a ParseError naming the position.
 * @example compileExpression('ticket.priority == "urgent" && stats.customerMessages >= 3')
 */
export function compileExpression(source: string): Compiled {
  let compiled = cache.get(source);
  if (!compiled) {
    if (source.length > MAX_EXPRESSION_LENGTH) throw new Error(`an expression may be at most ${MAX_EXPRESSION_LENGTH} characters long`);
    const parsed = environment.parse(source);
    compiled = Object.assign(parsed, meterExpression(parsed.ast));
    // Bounded: dry-runs of unsaved documents bring expressions nobody published.
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(source, compiled);
  }
  return compiled;
}

/** The parse error of an expression, or undefined when it parses. */
export function expressionError(source: string): string | undefined {
  try {
    compileExpression(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  }
}

/** Why a literal pattern given to `matches` cannot run in linear time, or undefined (also for a broken expression). */
export function expressionPatternError(source: string): LocalizedText | undefined {
  let compiled: Compiled;
  try {
    compiled = compileExpression(source);
  } catch {
    return undefined;
  }
  for (const pattern of compiled.literalPatterns) {
    const reason = patternError(pattern);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * CEL keeps int and double apart (`1 + 1.0` has no overload), and cel-js reads JS numbers
 * as doubles. Whole numbers become BigInt, CEL's int, so `stats.customerMessages + 1 > 3`
 * works like people expect.
 */
function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  }
  return value;
}

/**
 * The variables an expression sees. Optional ticket fields are present as null so
 * `ticket.orderId == null` works; `now` is epoch milliseconds; whole numbers are CEL ints.
 */
export function expressionScope(ctx: NodeContext): Record<string, unknown> {
  // The conditions of one flow on one event share their context: one scope for them all.
  if (ctx === lastScope.ctx && ctx.now.getTime() === lastScope.at) return lastScope.scope;
  const scope = {
    ticket: ticketCel.of(ctx.ticket),
    stats: statsCel.of(ctx.stats),
    vars: varsCel.of(ctx.vars),
    event: ctx.event ? eventCel.of(ctx.event) : null,
    now: BigInt(ctx.now.getTime()),
  };
  lastScope = { ctx, at: ctx.now.getTime(), scope };
  return scope;
}

let lastScope: { readonly ctx: NodeContext | undefined; readonly at: number; readonly scope: Record<string, unknown> } = {
  ctx: undefined,
  at: Number.NaN,
  scope: {},
};

/**
 * The CEL form of the last object converted. Every condition of every flow reads the same ticket,
 * stats and event objects for one event (hosts replace them, never change them in place), so each
 * is converted once, not once per condition. One slot, no WeakMap: short-lived keys make the
 * garbage collector's work. CEL only reads the values it is given.
 */
function lastConverted<T extends object>(convert: (value: T) => unknown): { of(value: T): unknown } {
  let last: T | undefined;
  let cel: unknown;
  return {
    of(value) {
      if (value !== last) {
        cel = convert(value);
        last = value;
      }
      return cel;
    },
  };
}

const ticketCel = lastConverted((ticket: NodeContext['ticket']) => toCel({ ...ticket, orderId: ticket.orderId ?? null }));
const statsCel = lastConverted((stats: NodeContext['stats']) => toCel(stats));
const varsCel = lastConverted((vars: NodeContext['vars']) => toCel(vars));
const eventCel = lastConverted((event: object) => toCel(event));

/**
 * Evaluates an expression that must yield a boolean, within EXPRESSION_BUDGET (steps,
 * regular-expression work, output size, 100 ms): past it, or for a non-boolean, it throws
 * with the reason, and the flow stops with an error naming the node.
 */
export function evaluateBoolean(source: string, ctx: NodeContext): boolean {
  const compiled = compileExpression(source);
  const scope = expressionScope(ctx);
  let value: unknown;
  try {
    value = withBudget(EXPRESSION_BUDGET, () => compiled(scope) as unknown);
  } catch (error) {
    // cel-js names the function it was given: the author wrote `matches`.
    if (error instanceof Error) error.message = error.message.replaceAll(RE2_MATCHES, 'matches');
    throw error;
  }
  if (typeof value !== 'boolean') throw new Error(`expression "${source}" gave ${typeof value}, expected true or false`);
  return value;
}

const PATH = /\b(ticket|stats|vars|event)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g;

/**
 * The values an expression reads, by path (`ticket.priority`, `stats.customerMessages`), for a
 * trace. Paths are read off the source, so a path inside a string literal shows too; a missing
 * value shows as null.
 * @example expressionInputs('ticket.priority == "urgent"', ctx) // { 'ticket.priority': 'urgent' }
 */
export function expressionInputs(source: string, ctx: NodeContext): Record<string, unknown> {
  const roots: Record<string, unknown> = { ticket: ctx.ticket, stats: ctx.stats, vars: ctx.vars, event: ctx.event };
  const values: Record<string, unknown> = {};
  for (const [, root = '', rest = ''] of source.matchAll(PATH)) {
    let value: unknown = roots[root];
    let path = root;
    for (const key of rest.slice(1).split('.')) {
      // A method (`.startsWith(...)`) or a missing key ends the path at the value before it.
      if (typeof value !== 'object' || value === null) {
        if (value === undefined || value === null) path += `.${key}`;
        break;
      }
      value = Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
      path += `.${key}`;
    }
    values[path] = value ?? null;
  }
  return values;
}
