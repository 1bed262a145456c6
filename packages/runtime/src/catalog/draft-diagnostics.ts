import { createHash } from 'node:crypto';
import { Diagnostic } from '@switchyard/api';
import { type FlowDocument, validateFlow, validateFlowDocument } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Database, json } from '../db/schema';

/**
 * What `flows.diagnostics` holds: the draft's diagnostics and a fingerprint of the node types
 * they were computed against, since installing or upgrading a node can change what validates.
 */
export const StoredDiagnostics = z.object({ registry: z.string(), diagnostics: z.array(Diagnostic) });
export type StoredDiagnostics = z.infer<typeof StoredDiagnostics>;

const fingerprints = new WeakMap<NodeRegistry, string>();

/** Every registered `type@version`, hashed: equal for registries that validate alike. */
export function registryFingerprint(registry: NodeRegistry): string {
  const known = fingerprints.get(registry);
  if (known !== undefined) return known;
  const types = registry
    .all()
    .map((d) => `${d.type}@${d.version}`)
    .sort();
  const fingerprint = createHash('sha256').update(types.join('\n')).digest('hex').slice(0, 16);
  fingerprints.set(registry, fingerprint);
  return fingerprint;
}

/**
 * Validates a parsed draft for storing beside it.
 * @example const stored = diagnoseDraft(document, ctx.registry); // { registry, diagnostics }
 */
export function diagnoseDraft(document: FlowDocument, registry: NodeRegistry): StoredDiagnostics {
  return { registry: registryFingerprint(registry), diagnostics: [...validateFlowDocument(document, registry).diagnostics] };
}

/** The stored diagnostics when they were computed against this registry; undefined when missing (NULL), stale or unreadable. */
export function storedDiagnostics(stored: unknown, registry: NodeRegistry): Diagnostic[] | undefined {
  // A derived value: one that does not parse is computed again, not reported.
  const parsed = StoredDiagnostics.safeParse(stored);
  return parsed.success && parsed.data.registry === registryFingerprint(registry) ? parsed.data.diagnostics : undefined;
}

/** The columns of a draft that `draftDiagnostics` reads. */
export interface DraftRow {
  readonly id: string;
  readonly draft: unknown;
  readonly revision: number;
  readonly diagnostics: unknown;
}

/**
 * A draft's diagnostics: the stored ones when current, else computed now and stored (drafts
 * saved before migration 0007, or under other node types) so the next read finds them. The
 * store is skipped when the draft moved on since `row` was read: its save stored its own.
 * @example const diagnostics = await draftDiagnostics(db, row, registry);
 */
export async function draftDiagnostics(db: Kysely<Database>, row: DraftRow, registry: NodeRegistry): Promise<Diagnostic[]> {
  const current = storedDiagnostics(row.diagnostics, registry);
  if (current) return current;
  // A row is not trusted as typed: validateFlow parses the stored draft (once) as it checks it.
  const computed: StoredDiagnostics = { registry: registryFingerprint(registry), diagnostics: [...validateFlow(row.draft, registry).diagnostics] };
  await db.updateTable('flows').set({ diagnostics: json(computed) }).where('id', '=', row.id).where('revision', '=', row.revision).execute();
  return computed.diagnostics;
}
