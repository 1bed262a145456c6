import { z } from 'zod';

/**
 * The kind of an audit row that holds several entries of one ticket (migration 0033): its detail
 * is `{ entries: [{ kind, at, actor, flowId, detail }] }` in the order they were recorded. The
 * view `audit_entries` unpacks it; nothing else reads its detail.
 */
export const PACKED_KIND = 'packed';

/** What of a packed row's entries its `kinds` and `flows` columns hold. */
const PackedEntries = z.object({
  entries: z.array(z.object({ kind: z.string(), flowId: z.string().nullable() })),
});

/**
 * The `kinds` and `flows` columns of a packed row: its entries' kinds and flows, each once in
 * the order first met (null: no flow). The indexes find rows by them; `verifyTicketChains`
 * checks them against the detail (which the hash covers).
 */
export function packedHolds(entries: readonly { readonly kind: string; readonly flowId: string | null }[]): {
  kinds: string[];
  flows: string[] | null;
} {
  const kinds = [...new Set(entries.map((e) => e.kind))];
  const flows = [...new Set(entries.flatMap((e) => (e.flowId === null ? [] : [e.flowId])))];
  return { kinds, flows: flows.length > 0 ? flows : null };
}

/** `packedHolds` of a stored packed detail; undefined when the detail is not a packed one. */
export function storedPackedHolds(detail: unknown): { kinds: string[]; flows: string[] | null } | undefined {
  const parsed = PackedEntries.safeParse(detail);
  return parsed.success ? packedHolds(parsed.data.entries) : undefined;
}
