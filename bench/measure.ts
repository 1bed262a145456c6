/** Timing samples of one measured operation, in milliseconds. */
export interface Timing {
  readonly samples: readonly number[];
  readonly median: number;
  readonly p95: number;
  readonly min: number;
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths before we time them. */
  readonly warmup: number;
  readonly rounds: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Summarises raw samples (milliseconds). */
export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] ?? Number.NaN };
}

/**
 * Times a synchronous operation: warm-up runs, then one sample per round.
 * @example const t = measure(() => compileFlow(doc, registry), { warmup: 5, rounds: 30 });
 */
export function measure(run: () => unknown, options: MeasureOptions): Timing {
  for (let i = 0; i < options.warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}
