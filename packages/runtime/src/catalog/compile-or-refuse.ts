import { type CompiledFlow, compileFlow, FlowCompileError } from '@switchyard/compiler';
import type { NodeRegistry } from '@switchyard/nodes';
import { RuntimeInputError } from '../errors';

/** Compiles a flow document, turning validation failure into the 422 that carries its diagnostics. */
export function compileOrRefuse(flowId: string, document: unknown, registry: NodeRegistry): CompiledFlow {
  try {
    return compileFlow(document, registry);
  } catch (error) {
    if (error instanceof FlowCompileError) throw new RuntimeInputError(`flow ${flowId} does not validate`, 422, error.diagnostics);
    throw error;
  }
}
