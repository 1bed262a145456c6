import type { ReplayRun } from '@switchyard/api';
import type { TicketEvent } from '@switchyard/flow';
import { EMPTY_STATS, type NodeRegistry, type Roster } from '@switchyard/nodes';
import { EFFECT_FAILED_FLAG } from '../durable/ticket-work';
import { isMissedDeadline } from '../durable/missed-deadline';
import { createEffectRunner, type EffectRunner } from '../engine/effect-runner';
import { flowAt } from '../engine/flow-at';
import type { PreparedFlow } from '../engine/prepared-flow';
import { createTicketRun } from '../engine/ticket-run';
import { createTimerLoopGuard, TIMER_LOOP_MESSAGES } from '../engine/timer-loop-guard';
import { createVirtualTimers } from '../engine/virtual-timers';
import type { ReplayHistory } from './load-replay-history';
import { rosterWithLoad } from './roster-load';

export interface ReplayOptions {
  readonly registry: NodeRegistry;
  /** Today's roster: the team replayed assignments see, with the load each recorded. */
  readonly roster: Roster;
  /** The replay ends here (the job's start): production had run the ticket this far. */
  readonly until: number;
  /** Whether a side effect of this flow's node may take the result production recorded for it (same node, same config). */
  readonly reuse: (flowId: string, node: string) => boolean;
}

/** A replay and whether some assignment in it saw today's roster (no load recorded for it). */
export interface Replayed {
  readonly run: ReplayRun;
  readonly rosterToday: boolean;
}

/**
 * Replays a recorded ticket through flows on the virtual clock, with the dry-run's engine
 * (`createTicketRun`, virtual timers, the timer-loop guard). Its inbox arrives at the recorded
 * times, in production's order; timers fire in between (a timer due at an item's time first).
 * A side effect production delivered takes the recorded result when that result comes up in the
 * inbox (what the service answered, and when); one it never asked for is simulated at once, as
 * in a dry-run. Nothing leaves the process.
 */
export async function replayTicket(history: ReplayHistory, flows: readonly PreparedFlow[], options: ReplayOptions): Promise<Replayed> {
  const { ticket, inbox } = history;
  const timers = createVirtualTimers();
  const looping = createTimerLoopGuard();
  const path: string[] = [];
  const paths: Record<string, string[]> = Object.fromEntries(flows.map((f) => [f.compiled.id, []]));
  const actions: ReplayRun['actions'] = [];
  const errors: ReplayRun['errors'] = [];
  let slaBreaches = 0;
  let rosterToday = false;
  let deadLettered = false;
  let cursor = 0;
  const visits = new Map<string, number>();
  // Effects waiting for their recorded result, by idempotency key: the flow and the event of the step that asked.
  const pending = new Map<string, { readonly flow: number; readonly event: TicketEvent | undefined }>();
  const recordedAt = new Map<string, number>();
  inbox.forEach((item, i) => {
    if (item.kind === 'effect' && item.key !== undefined) recordedAt.set(item.key, i);
  });

  const rosterFor = (flowNode: string, visit: number): Roster => {
    const loads = history.loads.get(flowNode);
    const load = loads?.[Math.min(visit, loads.length) - 1] ?? [...history.loads.values()].flat()[0];
    if (load) return rosterWithLoad(options.roster, load);
    rosterToday = true;
    return options.roster;
  };
  const runAction: EffectRunner = async (request) => {
    const flowId = request.flow.id;
    const node = request.flow.nodes[request.node];
    const def = node && options.registry.get(node.type, node.version);
    const flowNode = `${flowId}/${request.node}`;
    const visit = (visits.get(flowNode) ?? 0) + 1;
    const key = `${ticket.id}:${flowId}:${request.node}:${visit}`;
    const at = recordedAt.get(key);
    const action = def?.kind === 'action' ? def : undefined;
    if (action?.sideEffect && at !== undefined && at >= cursor && options.reuse(flowId, request.node)) {
      visits.set(flowNode, visit);
      pending.set(key, { flow: flows.findIndex((f) => f.compiled === request.flow), event: request.event });
      return undefined;
    }
    const roster = node?.type === 'assign' ? rosterFor(flowNode, visit) : options.roster;
    return createEffectRunner({ registry: options.registry, roster, visits })(request);
  };

  const run = createTicketRun(
    { ticket, stats: EMPTY_STATS },
    flows,
    flows.map((f) => f.idle),
    {
      runAction,
      schedule: (flow, timer, now) => timers.schedule(flow, timer, now),
      cancel: (flow, ids) => timers.cancel(flow, ids),
      cancelFlow: (flow) => timers.cancelFlow(flow),
      moved(flow, from, _to, visited, eventType) {
        const compiled = flowAt(flows, flow).compiled;
        if (isMissedDeadline(compiled, eventType, from.value, visited)) slaBreaches++;
        const own = paths[compiled.id];
        for (const node of visited) {
          path.push(node);
          own?.push(node);
        }
      },
      action: (_flow, action) => actions.push(action),
      error: (_flow, error) => errors.push(error),
    },
  );

  for (;;) {
    const item = inbox[cursor];
    const timer = timers.takeDue(item ? Math.min(item.at, options.until) : options.until);
    const loop = timer && looping(timer.flow, timer.at);
    if (timer && loop) {
      run.stopFlow(timer.flow, timer.at, TIMER_LOOP_MESSAGES[loop]);
    } else if (timer) {
      await run.deliverTimer(timer.flow, timer.eventType, timer.at);
    } else if (item && item.at <= options.until) {
      cursor++;
      if (item.kind === 'event') {
        await run.deliverTicketEvent(item.event, item.at);
        continue;
      }
      const waiting = item.key === undefined ? undefined : pending.get(item.key);
      if (!waiting || item.key === undefined) continue;
      pending.delete(item.key);
      deadLettered ||= item.dead;
      await run.deliverEffectResult(waiting.flow, item.node, item.outcome, item.at, waiting.event);
    } else {
      break;
    }
  }

  const { status, priority, category, subcategory, group, assignee, tags, flags } = run.state.ticket;
  const final = {
    status,
    priority,
    category,
    subcategory,
    group,
    assignee,
    tags,
    flags: deadLettered && !flags.includes(EFFECT_FAILED_FLAG) ? [...flags, EFFECT_FAILED_FLAG] : flags,
  };
  return { run: { ticketId: ticket.id, path, actions, final, errors, paths, slaBreaches }, rosterToday };
}
