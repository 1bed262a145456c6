import { seededRandom } from '../seeded-random';

/**
 * Version 4 UUIDs drawn from a seeded source: ids that look like `randomUUID()`'s and are the
 * same every run (for tests whose expectations hang on the ids, such as rollout buckets).
 * @example const nextId = seededUuids(7); nextId(); // the same UUID every run
 */
export function seededUuids(seed: number): () => string {
  const random = seededRandom(seed);
  return () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
    bytes[6] = 0x40 | ((bytes[6] ?? 0) & 0x0f);
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
