/** One printed figure; `target` and `pass` are absent for figures given for context only. */
export interface BenchRow {
  readonly bench: string;
  readonly metric: string;
  readonly value: string;
  readonly target?: string;
  readonly pass?: boolean;
}

/** Formats milliseconds with enough digits to compare runs. */
export const fmtMs = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;

/** Formats a rate with thousands separators. */
export const fmtRate = (perSecond: number, unit: string): string => `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`;

/** Renders the rows as an aligned plain-text table, with PASS / MISS beside each target. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'metric', 'value', 'target', 'result'];
  const cells = rows.map((r) => [r.bench, r.metric, r.value, r.target ?? '', r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
