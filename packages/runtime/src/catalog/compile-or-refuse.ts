import { type CompiledFlow, compileValidFlow } from '@switchyard/compiler';
import { type FlowDocument, validateFlowDocument } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import { RuntimeInputError } from '../errors';

/**
 * Compiles a parsed flow document (without parsing it again), turning validation failure into
 * the 422 that carries its diagnostics.
 */
export function compileOrRefuse(flowId: string, document: FlowDocument, registry: NodeRegistry): CompiledFlow {
  const validation = validateFlowDocument(document, registry);
  if (!validation.ok || !validation.document) throw new RuntimeInputError(`flow ${flowId} does not validate`, 422, validation.diagnostics);
  return compileValidFlow(validation.document, registry);
}
