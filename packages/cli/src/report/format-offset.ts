import { durationParts, partsText } from '@switchyard/api';

/**
 * Virtual time since the ticket was created, as people read a timeline.
 * @example formatOffset(5_400_000) // "+1h30m"
 * @example formatOffset(0) // "+0m"
 */
export function formatOffset(ms: number): string {
  const text = partsText(durationParts(Math.max(0, ms)), { locale: 'en', compact: true });
  return `+${text || '0m'}`;
}
