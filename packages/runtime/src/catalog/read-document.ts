import type { CompiledFlow } from '@switchyard/compiler';
import type { FlowDocument } from '@switchyard/flow';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import { readStored } from '../db/stored/read-stored';

/**
 * Flow `id`'s stored draft as a document; a row that does not read throws `StoredDataError`
 * naming it. @example const draft = readDraft(row.id, row.draft);
 */
export function readDraft(id: string, draft: unknown): FlowDocument {
  return readStored(flowDocumentShape, draft, { table: 'flows', key: id });
}

/** A published version's stored document. @example const document = readPublished(row.flow_id, row.version, row.document); */
export function readPublished(flowId: string, version: number, document: unknown): FlowDocument {
  return readStored(flowDocumentShape, document, { table: 'flow_versions', key: `${flowId}@${version}` });
}

/** A published version's stored machine. @example const compiled = readCompiled(row.flow_id, row.version, row.compiled); */
export function readCompiled(flowId: string, version: number, compiled: unknown): CompiledFlow {
  return readStored(compiledFlowShape, compiled, { table: 'flow_versions', key: `${flowId}@${version}` });
}
