/** How many rows of the daily rollups one key is spread over (migration 0034). */
export const ROLLUP_SHARDS = 8;

/**
 * The shard a transaction adds its rollup counts to, from the tickets it writes: two workers'
 * batches hold different tickets, so they mostly add to different rows and do not wait for each
 * other's locks; the same tickets always give the same shard (tests and replays are repeatable).
 * The readers sum over the shards, so which one a count lands in changes no answer.
 */
export function rollupShard(ticketIds: readonly string[]): number {
  let first: string | undefined;
  for (const id of ticketIds) if (first === undefined || id < first) first = id;
  // FNV-1a over the UTF-16 units: cheap, and spreads ids that differ only at the end.
  let hash = 0x811c9dc5;
  for (let i = 0; i < (first ?? '').length; i++) {
    hash ^= (first ?? '').charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ROLLUP_SHARDS;
}
