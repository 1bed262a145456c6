/** The agent ids a note mentions: `@li-na` (roster ids: letters, digits, `-`, `_`), each once, in order. */
export function mentionsIn(body: string): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(/@([a-z0-9][a-z0-9_-]*)/gi)) {
    const id = match[1]?.toLowerCase();
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}

/**
 * Time left until `due` as `1h 05m`, `12m 30s`, or `-3m 10s` once it has passed.
 * @example countdown('2026-05-01T10:00:00Z', Date.parse('2026-05-01T09:30:00Z')) // "30m 00s"
 */
export function countdown(due: string, now: number): string {
  const ms = Date.parse(due) - now;
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}h ${two(minutes)}m` : `${sign}${minutes}m ${two(seconds)}s`;
}

/** The index j/k moves to in a list of `length` rows (stays within it; -1 when empty). */
export function step(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  return Math.min(Math.max(index + delta, 0), length - 1);
}
