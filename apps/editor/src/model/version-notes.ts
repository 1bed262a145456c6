import type { VersionSummary } from '@switchyard/api';

/** One side of a comparison: a published version, the draft, or (in a save conflict) theirs and mine. */
export type NoteSide = number | 'draft' | 'theirs' | 'mine';

/** A change note with its version. */
export interface VersionNote {
  readonly version: number;
  readonly note: string;
}

const rank = (side: NoteSide): number | null => (typeof side === 'number' ? side : side === 'draft' ? Number.POSITIVE_INFINITY : null);

/**
 * The change notes of the versions a comparison spans, oldest first: those after the older side
 * up to the newer one (the draft counts as newer than every version). None for a save conflict.
 * @example notesBetween(versions, 1, 3) // the notes of v2 and v3
 */
export function notesBetween(versions: readonly VersionSummary[], from: NoteSide, to: NoteSide): VersionNote[] {
  const a = rank(from);
  const b = rank(to);
  if (a === null || b === null) return [];
  const [low, high] = a < b ? [a, b] : [b, a];
  return versions.flatMap((v) => (v.version > low && v.version <= high && v.note ? [{ version: v.version, note: v.note }] : []));
}
