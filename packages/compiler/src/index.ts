export { compileFlow, compileValidFlow, FlowCompileError } from './compile-flow';
export { createFlowMachine } from './create-flow-machine';
export { NodeCodeError } from './node-code-error';
export type { FlowMachine } from './create-flow-machine';
export { IDLE } from './compiled-flow';
export type { CompiledFlow, CompiledNode, MachineJson, Ref, StateConfig, TransitionConfig } from './compiled-flow';
export type { FlowEvent } from './flow-event';
