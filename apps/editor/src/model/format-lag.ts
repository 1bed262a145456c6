/**
 * A lag as people read it: milliseconds under a second, then seconds, then minutes.
 * @example formatLag(0) // "0 ms"; formatLag(2_500) // "2.5 s"; formatLag(90_000) // "1.5 min"
 */
export function formatLag(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}
