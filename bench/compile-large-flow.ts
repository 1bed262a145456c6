import { compileFlow, createFlowMachine } from '@switchyard/compiler';
import { validateFlow } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { generateLargeFlow } from './large-flow';
import { measure } from './measure';
import { type BenchRow, fmtMs } from './report';

const SIZE = 1_000;
const TARGET_MS = 50;
const OPTIONS = { warmup: 5, rounds: 40 };

/**
 * Benchmark 1: validate and compile a generated 1,000-node flow, then build its XState
 * machine. The target (50 ms) is for validateFlow + compileFlow; compileFlow validates
 * first, so timing compileFlow alone covers both.
 */
export function benchCompileLargeFlow(): BenchRow[] {
  const registry = createNodeRegistry(builtinNodes);
  const doc = generateLargeFlow(SIZE);
  const check = validateFlow(doc, registry);
  if (!check.ok) throw new Error(`generated flow does not validate:\n${check.diagnostics.map((d) => d.message).join('\n')}`);
  const mix = new Map<string, number>();
  for (const node of doc.nodes) mix.set(node.type, (mix.get(node.type) ?? 0) + 1);
  console.log(`compile: ${doc.nodes.length} nodes, ${doc.edges.length} edges (${[...mix].map(([t, n]) => `${t} ${n}`).join(', ')})`);

  // The first call pays for JIT warm-up, as the first save in the editor does.
  const coldStart = performance.now();
  compileFlow(doc, registry);
  const cold = performance.now() - coldStart;
  const validate = measure(() => validateFlow(doc, registry), OPTIONS);
  const compile = measure(() => compileFlow(doc, registry), OPTIONS);
  const compiled = compileFlow(doc, registry);
  const machine = measure(() => createFlowMachine(compiled, registry), OPTIONS);
  const bench = `compile ${SIZE}-node flow`;
  return [
    { bench, metric: 'validate+compileFlow first call', value: fmtMs(cold) },
    { bench, metric: 'validateFlow median', value: fmtMs(validate.median) },
    {
      bench,
      metric: 'validate+compileFlow median',
      value: fmtMs(compile.median),
      target: `< ${TARGET_MS} ms`,
      pass: compile.median < TARGET_MS,
    },
    { bench, metric: 'validate+compileFlow p95', value: fmtMs(compile.p95), target: `< ${TARGET_MS} ms`, pass: compile.p95 < TARGET_MS },
    { bench, metric: 'createFlowMachine median', value: fmtMs(machine.median) },
    { bench, metric: 'createFlowMachine p95', value: fmtMs(machine.p95) },
  ];
}
