// The `testing` namespace of the compiler: walking compiled flows with @xstate/graph, for coverage tests.
export { coveringScripts, leafScripts, playScript, scriptStep } from './covering-scripts';
export type { Choices, PlayedStep, ScriptStep } from './covering-scripts';
export { parseRouteParams, routeOf, stateKeyOf, steeredMachine, steeringEvents, WALK_TICKET } from './steered-machine';
export type { SteeredEvent } from './steered-machine';
