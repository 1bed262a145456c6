/**
 * When a sample ticket without `createdAt` was created in a dry-run: the runtime's
 * DEFAULT_CREATED_AT (packages/runtime), repeated here because the browser must not import the runtime.
 */
export const DEFAULT_CREATED_AT = '2026-01-05T09:00:00+08:00';

const PARTS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
] as const;

/**
 * A dry-run time as an offset from the ticket's creation, the way sample events are written.
 * @example virtualOffset('2026-01-05T01:15:00.000Z', '2026-01-05T09:00:00+08:00') // "+15m"
 */
export function virtualOffset(at: string, createdAt: string = DEFAULT_CREATED_AT): string {
  const delta = Date.parse(at) - Date.parse(createdAt);
  if (!Number.isFinite(delta)) return at;
  if (delta === 0) return '+0';
  let rest = Math.abs(delta);
  const parts: string[] = [];
  for (const [unit, size] of PARTS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return `${delta < 0 ? '-' : '+'}${parts.join('') || '0'}`;
}
