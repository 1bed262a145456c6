import type { VariableNode } from '@switchyard/flow';
import { createContext, useContext } from 'react';

/** What the node shown in the inspector can read, per scope, and sample outputs of the steps before it for previews. */
export interface NodeVariables {
  readonly template: readonly VariableNode[];
  readonly expression: readonly VariableNode[];
  readonly sampleVars: Readonly<Record<string, unknown>>;
}

export const NodeVariablesContext = createContext<NodeVariables>({ template: [], expression: [], sampleVars: {} });

/** The variables of the node being edited. */
export function useNodeVariables(): NodeVariables {
  return useContext(NodeVariablesContext);
}
