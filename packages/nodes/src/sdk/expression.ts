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
 * The variables an expression sees. Optional ticket fields are present as null so
 * `ticket.orderId == null` works; `now` is epoch milliseconds.
 */
export function expressionScope(ctx: NodeContext): Record<string, unknown> {
  return {
    ticket: { ...ctx.ticket, orderId: ctx.ticket.orderId ?? null },
    stats: ctx.stats,
    vars: ctx.vars,
    event: ctx.event ?? null,
    now: ctx.now.getTime(),
  };
}

/** Evaluates an expression that must yield a boolean; throws with the reason otherwise. */
export function evaluateBoolean(source: string, ctx: NodeContext): boolean {
  const value: unknown = compileExpression(source)(expressionScope(ctx));
  if (typeof value !== 'boolean') throw new Error(`expression "${source}" gave ${typeof value}, expected true or false`);
  return value;
}
