import type { CompiledFlow } from '@switchyard/compiler';
import { coveringScripts, leafScripts, playScript } from '@switchyard/compiler/testing';
import type { NodeRegistry } from '@switchyard/nodes';
import { type ReadScript, readScript } from './script-steps';
import { type ScriptTicket, scriptTicket } from './script-ticket';

/**
 * The covering set of sample tickets for one flow: walk the compiled machine with
 * @xstate/graph (as the compiler's graph test does), keep one script per leaf path, read
 * each as a ticket can play it (cut before an action that must fail), drop the scripts
 * that became a prefix of another, and make one ticket per script, numbered `<flow>#<n>`.
 * @example
 * for (const { ticket, expected, problems } of coveringTickets(compiled, registry)) ...
 */
export function coveringTickets(compiled: CompiledFlow, registry: NodeRegistry): ScriptTicket[] {
  const leaves = leafScripts(compiled, coveringScripts(compiled, registry));
  const scripts = leaves.map((script) => readScript(compiled, registry, playScript(compiled, registry, script)));
  return withoutPrefixes(scripts).map((script, n) => scriptTicket(compiled, registry, script, `${compiled.id}#${n + 1}`));
}

/** Scripts that are no prefix of another (nor the same as an earlier one): a cut script usually is. */
function withoutPrefixes(scripts: readonly ReadScript[]): ReadScript[] {
  const keys = scripts.map((script) => script.steps.map((s) => JSON.stringify(s.played.step)));
  return scripts.filter((script, i) => {
    const key = keys[i]!;
    return (
      key.length > 0 &&
      !keys.some((other, j) => j !== i && (other.length > key.length || j < i) && key.every((step, k) => other[k] === step))
    );
  });
}
