import type { Agent, NodeRegistry, Roster, RoutingStrategy } from '@switchyard/nodes';
import { actionContext } from '../engine/effect-runner';
import { seededRandom } from '../seeded-random';

/** What a simulated day looks like. */
export interface FairnessOptions {
  readonly registry: NodeRegistry;
  readonly strategy: RoutingStrategy;
  readonly seed: number;
  /** Agents in the one group (all online); default 8. */
  readonly agents?: number;
  /** Each agent's capacity (most open tickets); default 5. */
  readonly capacity?: number;
  /** Tickets arriving over the working day; default 30 per agent. */
  readonly tickets?: number;
  /** Mean handling time (exponential), minutes; default 40. */
  readonly handleMinutes?: number;
}

/** Each agent's tickets of the day against the team's mean. */
export interface FairnessReport {
  readonly strategy: RoutingStrategy;
  readonly tickets: number;
  readonly loads: Readonly<Record<string, number>>;
  readonly mean: number;
  /** The largest |load - mean| / mean of any agent (0.15 = 15 %). */
  readonly worstDeviation: number;
  /** The most tickets waiting at once for an agent below capacity. */
  readonly mostWaiting: number;
}

const DAY_START = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Asia/Shanghai
const DAY_MS = 9 * 3_600_000;
/** Arrivals per hour of the working day, relative: a morning and an afternoon peak. */
const HOURLY_SHAPE = [0.6, 1.4, 1.3, 0.8, 0.7, 1.2, 1.4, 1.0, 0.6];

/**
 * A seeded day of a team on a virtual clock: tickets arrive over nine working hours (more
 * at the morning and afternoon peaks), the real assign node routes each on the roster as it is
 * at that instant (open tickets and routing turns kept as tickets open and close), agents at
 * capacity are skipped and tickets wait for the next one to free up; each ticket takes an
 * exponential time to handle. Reports each agent's tickets of the day against the team mean.
 * @example simulateFairness({ registry, strategy: 'round_robin', seed: 21 }).worstDeviation // 0.03
 */
export async function simulateFairness(options: FairnessOptions): Promise<FairnessReport> {
  const random = seededRandom(options.seed);
  const size = options.agents ?? 8;
  const count = options.tickets ?? size * 30;
  const handleMs = (options.handleMinutes ?? 40) * 60_000;
  const node = options.registry.get('assign');
  if (node?.kind !== 'action') throw new Error('the assign node is not installed');
  const config = node.config.parse({ strategy: options.strategy, group: 'desk' });
  let agents: Agent[] = Array.from({ length: size }, (_, i) => ({
    id: `agent-${String(i + 1).padStart(2, '0')}`,
    name: `Agent ${i + 1}`,
    groups: ['desk'],
    skills: [],
    seniority: 'mid',
    openTickets: 0,
    online: true,
    capacity: options.capacity ?? 5,
    supervisor: false,
  }));
  const loads: Record<string, number> = Object.fromEntries(agents.map((a) => [a.id, 0]));
  const arrivals = arrivalTimes(count, random);
  const completions: { at: number; agent: string }[] = [];
  const waiting: number[] = [];
  let turn = 0;
  let mostWaiting = 0;

  const route = async (at: number, index: number): Promise<boolean> => {
    const roster: Roster = { groups: [{ id: 'desk', name: 'Desk' }], agents };
    const request = {
      flow: {
        id: 'fairness',
        name: 'fairness',
        machine: { id: 'fairness', initial: '_idle', context: { vars: {} }, states: {} },
        nodes: {},
        triggerEvents: [],
      },
      node: 'route',
      state: {
        ticket: simulatedTicket(index, at),
        stats: { customerMessages: 0, agentReplies: 0, recentMessages: [], firstAgentReplyAt: null },
      },
      now: at,
      event: undefined,
      vars: {},
    };
    const result = await node.run(actionContext(request, roster, `sim:${index}`), config);
    const chosen = result.patch?.assignee;
    if (typeof chosen !== 'string') return false;
    turn++;
    agents = agents.map((a) => (a.id === chosen ? { ...a, openTickets: a.openTickets + 1, lastRouted: turn } : a));
    loads[chosen] = (loads[chosen] ?? 0) + 1;
    completions.push({ at: at + exponential(random, handleMs), agent: chosen });
    completions.sort((x, y) => x.at - y.at);
    return true;
  };

  let next = 0;
  while (next < arrivals.length || completions.length > 0) {
    const arrival = arrivals[next];
    const done = completions[0];
    if (done && (arrival === undefined || done.at <= arrival)) {
      completions.shift();
      agents = agents.map((a) => (a.id === done.agent ? { ...a, openTickets: a.openTickets - 1 } : a));
      const queued = waiting[0];
      if (queued !== undefined && (await route(done.at, queued))) waiting.shift();
    } else if (arrival !== undefined) {
      if (!(await route(arrival, next))) waiting.push(next);
      mostWaiting = Math.max(mostWaiting, waiting.length);
      next++;
    }
  }
  const mean = count / size;
  const worstDeviation = Math.max(...Object.values(loads).map((n) => Math.abs(n - mean) / mean));
  return { strategy: options.strategy, tickets: count, loads, mean, worstDeviation, mostWaiting };
}

function arrivalTimes(count: number, random: () => number): number[] {
  const total = HOURLY_SHAPE.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    // Pick an hour by its weight, then a uniform instant in it.
    let pick = random() * total;
    let hour = 0;
    while (hour < HOURLY_SHAPE.length - 1 && pick >= (HOURLY_SHAPE[hour] ?? 0)) pick -= HOURLY_SHAPE[hour++] ?? 0;
    times.push(DAY_START + hour * 3_600_000 + Math.floor(random() * 3_600_000));
  }
  return times.filter((t) => t < DAY_START + DAY_MS).sort((a, b) => a - b);
}

const exponential = (random: () => number, mean: number) => Math.round(-Math.log(1 - random()) * mean);

function simulatedTicket(index: number, at: number) {
  return {
    id: `sim-${index}`,
    number: `SIM${index}`,
    channel: 'chat' as const,
    subject: '',
    body: '',
    customer: { id: 'c', name: '', tier: 'standard' as const },
    category: null,
    subcategory: null,
    priority: 'normal' as const,
    status: 'new' as const,
    group: 'desk',
    assignee: null,
    tags: [],
    flags: [],
    escalationLevel: 0,
    createdAt: new Date(at).toISOString(),
  };
}
