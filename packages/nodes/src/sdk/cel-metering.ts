import { budgetExceeded, chargeBudget } from './evaluation-budget';

/*
 * cel-js (8.x) has no evaluation limits and no way to replace a built-in function, so a
 * parsed expression is adjusted here before it first runs, through the parts of its AST the
 * library leaves open (`op`, `args`, `meta`, `setMeta`; nodes evaluate through their meta):
 * - `text.matches(p)` calls RE2_MATCHES instead, whose RE2 engine runs in linear time;
 * - every node's evaluation counts a step against the running budget, and what calls and
 *   operators produce counts by its size, so no expression can run for ever;
 * - a comprehension stops iterating once the budget is spent (`exists` and `all` catch
 *   errors per element, and would otherwise go on to the end of a long list).
 * expression.test.ts pins both; a cel-js upgrade that moves these parts fails those tests.
 */

/** The name `matches` is renamed to; registered in the expression environment. */
export const RE2_MATCHES = 'matches_re2';

interface CelNode {
  readonly op: string;
  args: unknown;
  readonly meta: object;
  setMeta(key: string, value: unknown): unknown;
}

function isCelNode(value: unknown): value is CelNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    'op' in value &&
    typeof value.op === 'string' &&
    'meta' in value &&
    typeof value.meta === 'object' &&
    value.meta !== null &&
    'setMeta' in value &&
    typeof value.setMeta === 'function'
  );
}

/** Operators whose result is built by the evaluation, so its size is work done. */
const PRODUCERS = new Set(['call', 'rcall', '+', 'list', 'map', 'comprehension']);

/** What a matches() call in the expression is given as its pattern, when it is a literal. */
export interface MeteredExpression {
  readonly literalPatterns: readonly string[];
}

/**
 * Renames `matches` to the RE2 function and meters every node of a freshly parsed AST
 * (before its first evaluation). Returns the literal patterns found, for validation.
 */
export function meterExpression(root: unknown): MeteredExpression {
  const literalPatterns: string[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (isCelNode(value)) {
      const pattern = renameMatches(value);
      if (pattern !== undefined) literalPatterns.push(pattern);
      meterNode(value);
      if (value.op === 'comprehension') stopWhenSpent(value.args);
      visit(value.args);
      visit(value.meta);
      return;
    }
    // Children hide in arrays (arguments, map entries) and plain objects (comprehensions, macros).
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child);
  };
  visit(root);
  return { literalPatterns };
}

/** Points a `x.matches(p)` / `matches(x, p)` call at the RE2 function; returns `p` when it is a literal. */
function renameMatches(node: CelNode): string | undefined {
  const args = node.args;
  if (!Array.isArray(args) || args[0] !== 'matches') return undefined;
  let pattern: unknown;
  if (node.op === 'rcall' && Array.isArray(args[2]) && args[2].length === 1) pattern = args[2][0];
  else if (node.op === 'call' && Array.isArray(args[1]) && args[1].length === 2) pattern = args[1][1];
  else return undefined;
  args[0] = RE2_MATCHES;
  return isCelNode(pattern) && pattern.op === 'value' && typeof pattern.args === 'string' ? pattern.args : undefined;
}

/** Adds "while the budget lasts" to a comprehension's loop condition. */
function stopWhenSpent(args: unknown): void {
  if (typeof args !== 'object' || args === null) return;
  const condition: unknown = Reflect.get(args, 'condition');
  const bounded =
    typeof condition === 'function'
      ? (accu: unknown): boolean => !budgetExceeded() && Boolean(Reflect.apply(condition, undefined, [accu]))
      : (): boolean => !budgetExceeded();
  Reflect.set(args, 'condition', bounded);
}

type Evaluate = (this: unknown, ev: unknown, ast: unknown, ctx: unknown) => unknown;

function isEvaluate(value: unknown): value is Evaluate {
  return typeof value === 'function';
}

/** Wraps what evaluates a node (its operator's `evaluate`, or a macro's) with the budget's count. */
function meterNode(node: CelNode): void {
  const meta = node.meta;
  const produces = PRODUCERS.has(node.op);
  const metered = (evaluate: Evaluate): Evaluate =>
    function (this: unknown, ev, ast, ctx) {
      chargeBudget('steps', 1, 'evaluating the expression');
      const result = evaluate.call(this, ev, ast, ctx);
      if (produces && (typeof result === 'string' || Array.isArray(result)) && result.length > 0) {
        chargeBudget('output', result.length, 'building a value');
      }
      return result;
    };
  const evaluate: unknown = Reflect.get(meta, 'evaluate');
  if (isEvaluate(evaluate)) node.setMeta('evaluate', metered(evaluate));
  // `has(x.y)` evaluates through its macro object instead.
  const macro: unknown = Reflect.get(meta, 'macro');
  const macroEvaluate: unknown = typeof macro === 'object' && macro !== null ? Reflect.get(macro, 'evaluate') : undefined;
  if (typeof macro === 'object' && macro !== null && isEvaluate(macroEvaluate)) Reflect.set(macro, 'evaluate', metered(macroEvaluate));
}
