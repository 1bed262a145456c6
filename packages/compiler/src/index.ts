export { compileFlow, compileValidFlow, FlowCompileError } from './compile-flow';
export { createFlowMachine } from './create-flow-machine';
export { keptWaitUpdater, type KeptWaitUpdater } from './kept-waits';
export { NodeCodeError, nodeCodeErrorIn, takeGuardFailure } from './node-code-error';
export type { FlowMachine } from './create-flow-machine';
export { IDLE } from './compiled-flow';
export type { CompiledFlow, CompiledNode, MachineJson, Ref, RouteParams, RouteStep, StateConfig, TransitionConfig } from './compiled-flow';
export type { Decision, FlowEvent } from './flow-event';
