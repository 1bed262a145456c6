import type { FlowDocument } from '@switchyard/flow';
import { autoLayout, type PortsOf } from '../apps/editor/src/model/auto-layout';
import { generateLargeFlow } from '../apps/editor/src/model/large-flow';
import { type BenchRow, fmtMs } from './report';

const SIZES = [14, 60, 150] as const;
const RUNS = 7;
/** A layout under this long is not felt when a flow opens or is tidied up: no web worker needed. */
const TARGET_MS = 150;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** The generated flows' ports: keyword conditions branch true/false, the rest go on by "next". */
const portsOf =
  (doc: FlowDocument): PortsOf =>
  (id) => {
    const type = doc.nodes.find((n) => n.id === id)?.type;
    return type === 'text_contains' ? ['true', 'false'] : type === 'end' ? [] : ['next'];
  };

/**
 * The editor's layered layout (ELK, the engine the browser runs on the main thread, in Node's V8 here):
 * the time to lay out and route flows of 14 (the SLA example's size), 60 and 150 nodes (the most the
 * editor routes), after three warm-up runs; the fastest run is the machine's figure without other load.
 */
export async function benchLayoutFlow(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const doc = generateLargeFlow(size);
    // ELK is compiled Java: its first runs pay for the JIT, which a tidy-up after the first does not.
    for (let warm = 0; warm < 3; warm += 1) await autoLayout(doc, portsOf(doc));
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      await autoLayout(doc, portsOf(doc));
      times.push(performance.now() - start);
    }
    const typical = median(times);
    rows.push({
      bench: `editor: lay out a ${size}-node flow (ELK layered)`,
      metric: `median (fastest) of ${RUNS}`,
      value: `${fmtMs(typical)} (${fmtMs(Math.min(...times))})`,
      ...(size <= 60 ? { target: `< ${TARGET_MS} ms`, pass: typical < TARGET_MS } : {}),
    });
  }
  return rows;
}
