import { parse } from '@marcbachmann/cel-js';
import type { NodeContext } from './node-context';

type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

/**
 * Compiles a CEL expression (Common Expression Language: no eval, no Function, no
 * loops), cached by source. Throws a ParseError naming the position.
 * @example compileExpression('ticket.priority == "urgent" && stats.customerMessages >= 3')
 */
export function compileExpression(source: string): Compiled {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = parse(source);
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
  return {
    ticket: toCel({ ...ctx.ticket, orderId: ctx.ticket.orderId ?? null }),
    stats: toCel(ctx.stats),
    vars: toCel(ctx.vars),
    event: toCel(ctx.event ?? null),
    now: BigInt(ctx.now.getTime()),
  };
}

/** Evaluates an expression that must yield a boolean; throws with the reason otherwise. */
export function evaluateBoolean(source: string, ctx: NodeContext): boolean {
  const value: unknown = compileExpression(source)(expressionScope(ctx));
  if (typeof value !== 'boolean') throw new Error(`expression "${source}" gave ${typeof value}, expected true or false`);
  return value;
}
