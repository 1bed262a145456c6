const UNITS: readonly [suffix: string, ms: number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * Virtual time since the ticket was created, as people read a timeline.
 * @example formatOffset(5_400_000) // "+1h30m"
 * @example formatOffset(0) // "+0m"
 */
export function formatOffset(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  let text = '';
  for (const [suffix, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) text += `${count}${suffix}`;
  }
  return `+${text || '0m'}`;
}
