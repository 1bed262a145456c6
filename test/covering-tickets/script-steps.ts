import type { CompiledFlow } from '@switchyard/compiler';
import type { PlayedStep } from '@switchyard/compiler/testing';
import type { NodeRegistry } from '@switchyard/nodes';
import { type FlowNode, flowNode } from './flow-node';

/** How a script step happens in a dry-run. */
export type StepKind =
  /** `ticket.created`: the dry-run sends it first, at `createdAt`. */
  | 'created'
  /** Another ticket event: the sample ticket scripts it. */
  | 'ticket'
  /** The answer to an action: the dry-run gives it at once. */
  | 'effect'
  /** A wait's timer: nothing is scripted until it fires. */
  | 'timer';

/** A condition on the script's route and the port the script needs it to answer. */
export interface Choice {
  readonly step: number;
  readonly node: FlowNode;
  readonly port: string;
}

/** A played script step as a sample ticket plays it: how it happens, what it reads, what it must answer. */
export interface TicketStep {
  readonly index: number;
  readonly played: PlayedStep;
  readonly kind: StepKind;
  /** The step whose ticket event node code sees as `event` (none after a timer). */
  readonly payload: number | undefined;
  /** The step before which prior customer messages for this step's conditions go (none before `ticket.created`). */
  readonly anchor: number | undefined;
  /** The trigger or wait whose filter gates the step, if any. */
  readonly gate: FlowNode | undefined;
  readonly choices: readonly Choice[];
}

/** The steps a sample ticket can reproduce, and why the rest of the script (if any) was cut. */
export interface ReadScript {
  readonly steps: readonly TicketStep[];
  readonly problems: readonly string[];
}

/**
 * Reads a played script for ticket generation. A dry-run cannot make a simulated action
 * fail on purpose, so a script is cut before an `effect.error` (and before a second
 * `ticket.created`, which never happens). A wait with outcomes (SLA policy, approval) answers
 * from its own memory, not from a route the walk can steer, so a script ends where one waits: the nodes only such a script reaches stay
 * uncovered, and the coverage check names them.
 */
export function readScript(compiled: CompiledFlow, registry: NodeRegistry, played: readonly PlayedStep[]): ReadScript {
  const steps: TicketStep[] = [];
  for (const [index, step] of played.entries()) {
    const type = step.event.type;
    const kind: StepKind =
      type === 'ticket.created' ? 'created' : type.startsWith('effect.') ? 'effect' : type.startsWith('xstate.after.') ? 'timer' : 'ticket';
    if (type === 'effect.error')
      return { steps, problems: [`${step.event.node ?? 'an action'} must fail, which a simulated effect does not`] };
    if (kind === 'created' && index > 0) return { steps, problems: ['ticket.created comes again, which it never does'] };
    // Up to such a wait the ticket plays its script; from there the real engine goes on by the wait's own timer.
    const resting = compiled.nodes[step.before] ? flowNode(compiled, registry, step.before) : undefined;
    if (resting?.def.kind === 'wait' && resting.def.outcomes) return { steps, problems: [] };
    const previous = steps[index - 1];
    const payload = kind === 'effect' ? previous?.payload : kind === 'timer' ? undefined : index;
    const anchor = kind === 'effect' ? previous?.anchor : kind === 'created' ? undefined : index;
    const from = step.event.route?.from;
    const gate = from === undefined ? undefined : flowNode(compiled, registry, from);
    const choices = (step.event.route?.steps ?? []).map(([node, port]) => ({
      step: index,
      node: flowNode(compiled, registry, node),
      port,
    }));
    steps.push({ index, played: step, kind, payload, anchor, gate, choices });
  }
  return { steps, problems: [] };
}

/** One line a sample-ticket author reads: each event, the trigger it starts and the condition answers. */
export function describeScript(steps: readonly TicketStep[]): string {
  return steps
    .map(({ played: { step } }) => {
      const type = step.type.startsWith('xstate.after.') ? `timeout(${step.type.split('.')[2]})` : step.type;
      const answers = Object.entries(step.choices).map(([node, port]) => `${node}=${port}`);
      return [type + (step.trigger ? `[${step.trigger}]` : ''), ...answers].join(' ');
    })
    .join(' → ');
}
