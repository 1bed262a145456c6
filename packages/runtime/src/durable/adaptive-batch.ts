/**
 * The batch size of a worker's rounds, shared by its loops: doubled after a full round (a backlog),
 * halved after a round less than half full, between max / 8 (at least 1) and max.
 * @example const batch = createAdaptiveBatch(64, true); batch.observe(8, batch.size()); batch.size(); // 16
 */
export function createAdaptiveBatch(max: number, adaptive: boolean): { size(): number; observe(processed: number, limit: number): void } {
  const min = Math.max(1, Math.floor(max / 8));
  let size = adaptive ? min : max;
  return {
    size: () => size,
    observe(processed, limit) {
      if (!adaptive) return;
      if (processed >= limit) size = Math.min(max, size * 2);
      else if (processed * 2 < limit) size = Math.max(min, Math.floor(size / 2));
    },
  };
}
