import type { CompiledFlow } from '@switchyard/compiler';
import { dryRun, type SampleTicket } from '@switchyard/runtime';
import { coveringTickets } from './covering-set';
import { registry, roster } from './example-flows';

/** What dry-running a flow's covering tickets through that flow alone showed. */
export interface CoverageOutcome {
  /** The generated tickets, in order. */
  readonly tickets: readonly SampleTicket[];
  /** Errors the engine reported, as `<ticket>: <message>`. */
  readonly errors: readonly string[];
  /** The distinct reasons some scripts could not be made into tickets that walk them. */
  readonly problems: readonly string[];
  /** Tickets whose witnesses all hold but which did not walk their script, with the path they took. */
  readonly strays: readonly string[];
  /** Nodes no ticket that walks its script entered. */
  readonly uncovered: readonly string[];
}

/** True when `path` walks through `expected` in order (runs started by prior messages may come in between). */
function walksThrough(path: readonly string[], expected: readonly string[]): boolean {
  let next = 0;
  for (const node of path) if (node === expected[next]) next++;
  return next === expected.length;
}

/**
 * Generates the covering tickets of one flow and dry-runs them through that flow alone,
 * with the real engine and the examples' roster. Only tickets whose witnesses all hold
 * count for coverage, and each of them must walk its script.
 */
export async function coverAlone(compiled: CompiledFlow): Promise<CoverageOutcome> {
  const made = coveringTickets(compiled, registry);
  const results = await dryRun(
    [compiled],
    made.map((m) => m.ticket),
    { registry, roster },
  );
  const playable = made.flatMap((m, i) => (m.problems.length === 0 ? [{ ...m, path: results[i]?.paths[compiled.id] ?? [] }] : []));
  const covered = new Set(playable.flatMap((t) => t.path));
  return {
    tickets: made.map((m) => m.ticket),
    errors: results.flatMap((r) => r.errors.map((e) => `${r.ticketId}: ${e.message}`)),
    problems: [...new Set(made.flatMap((m) => m.problems))].sort(),
    strays: playable
      .filter((t) => !walksThrough(t.path, t.expected))
      .map((t) => `${t.ticket.id} (${t.ticket.note}) took ${t.path.join(' ')}`),
    uncovered: Object.keys(compiled.nodes).filter((node) => !covered.has(node)),
  };
}
