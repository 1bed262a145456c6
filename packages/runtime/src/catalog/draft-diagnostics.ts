import { createHash } from 'node:crypto';
import type { Diagnostic } from '@switchyard/api';
import { type FlowDocument, validateFlowDocument } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type DraftDiagnostics, draftDiagnosticsShape } from '../db/stored/draft-diagnostics-shape';
import { readStored } from '../db/stored/read-stored';
import { StoredDataError } from '../db/stored/stored-data-error';
import { readDraft } from './read-document';

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
 * Validates a parsed draft (without parsing it again) for storing beside it.
 * @example await trx.updateTable('flows').set({ diagnostics: draftDiagnosticsShape.json(diagnoseDraft(document, registry)) })
 */
export function diagnoseDraft(document: FlowDocument, registry: NodeRegistry): DraftDiagnostics {
  return { registry: registryFingerprint(registry), diagnostics: [...validateFlowDocument(document, registry).diagnostics] };
}

/** The stored diagnostics of flow `id` when they were computed against this registry; undefined when missing (NULL), stale or unreadable. */
export function storedDiagnostics(id: string, stored: unknown, registry: NodeRegistry): Diagnostic[] | undefined {
  if (stored === null) return undefined;
  try {
    const read = readStored(draftDiagnosticsShape, stored, { table: 'flows', key: id });
    return read.registry === registryFingerprint(registry) ? read.diagnostics : undefined;
  } catch (error) {
    // A derived value: one that does not read is computed again from the draft and replaced.
    if (error instanceof StoredDataError) return undefined;
    throw error;
  }
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
  const current = storedDiagnostics(row.id, row.diagnostics, registry);
  if (current) return current;
  const computed = diagnoseDraft(readDraft(row.id, row.draft), registry);
  await db
    .updateTable('flows')
    .set({ diagnostics: draftDiagnosticsShape.json(computed) })
    .where('id', '=', row.id)
    .where('revision', '=', row.revision)
    .execute();
  return computed.diagnostics;
}
