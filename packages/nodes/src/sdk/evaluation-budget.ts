/** What an evaluation may spend; each resource has its own limit. */
export interface EvaluationBudget {
  /** Expression nodes evaluated (a comprehension's step counts once per element). */
  readonly steps: number;
  /** Regular-expression work: compiled instructions x characters scanned, over all matches. */
  readonly regex: number;
  /** Characters and list elements the evaluation produces (split, join, concatenation...). */
  readonly output: number;
  /** Wall-clock backstop in milliseconds, checked between steps. */
  readonly wallMs: number;
}

export type BudgetResource = 'steps' | 'regex' | 'output';

/**
 * The budget of one CEL evaluation: ample for any condition people write (a regular
 * expression over a 100,000-character body, a comprehension over a few thousand items)
 * and far below what would stall the server (each limit is well under 100 ms of work).
 */
export const EXPRESSION_BUDGET: EvaluationBudget = { steps: 100_000, regex: 4_000_000, output: 1_000_000, wallMs: 100 };

const UNITS: Record<BudgetResource | 'time', { en: string; zh: string }> = {
  steps: { en: 'steps', zh: '步' },
  regex: { en: 'regular-expression instructions x characters', zh: '正则指令×字符' },
  output: { en: 'characters or items produced', zh: '生成的字符或元素' },
  time: { en: 'ms', zh: '毫秒' },
};

/** Thrown when an evaluation would spend more than its budget; the flow stops with an error naming the node. */
export class BudgetExceededError extends Error {
  constructor(
    readonly resource: BudgetResource | 'time',
    readonly limit: number,
    detail: string,
  ) {
    const { en, zh } = UNITS[resource];
    super(`expression stopped: ${detail} went over the budget of ${limit} ${en} (表达式已停止：超出计算预算，最多 ${limit} ${zh})`);
    this.name = 'BudgetExceededError';
  }
}

interface Running {
  readonly limits: EvaluationBudget;
  readonly deadline: number;
  readonly spent: Record<BudgetResource, number>;
  /** Once spent, the budget stays spent: CEL's `||` and `exists` may swallow one error, not the next. */
  exceeded?: BudgetExceededError;
}

// Evaluation is synchronous, so the budget in force is simply the innermost running one.
let current: Running | undefined;

/**
 * Runs a synchronous evaluation under a budget: `chargeBudget` calls inside it count
 * against it and throw a BudgetExceededError past a limit.
 * @example withBudget(EXPRESSION_BUDGET, () => compiled(scope))
 */
export function withBudget<T>(limits: EvaluationBudget, run: () => T): T {
  const outer = current;
  const running: Running = { limits, deadline: performance.now() + limits.wallMs, spent: { steps: 0, regex: 0, output: 0 } };
  current = running;
  try {
    const result = run();
    // The evaluation may have caught the error itself (`expensive || true`): it still failed.
    if (running.exceeded) throw running.exceeded;
    return result;
  } finally {
    current = outer;
  }
}

/** True once the running budget is spent: loops that catch errors (`exists`, `all`) stop on it. */
export function budgetExceeded(): boolean {
  return current?.exceeded !== undefined;
}

/**
 * Counts work against the running budget. Outside any budget (a node matching one
 * pattern) a single charge is still held to the expression limit for its resource.
 */
export function chargeBudget(resource: BudgetResource, units: number, what: string): void {
  const running = current;
  if (!running) {
    if (units > EXPRESSION_BUDGET[resource]) throw new BudgetExceededError(resource, EXPRESSION_BUDGET[resource], what);
    return;
  }
  if (running.exceeded) throw running.exceeded;
  const spent = (running.spent[resource] += units);
  if (spent > running.limits[resource]) throw (running.exceeded = new BudgetExceededError(resource, running.limits[resource], what));
  // Reading the clock costs more than a step: every 64th step, and before every match.
  if ((resource !== 'steps' || (spent & 63) === 0) && performance.now() > running.deadline) {
    throw (running.exceeded = new BudgetExceededError('time', running.limits.wallMs, what));
  }
}
