import { assign, setup } from 'xstate';
import type { BaselineEvent, Step } from '../baseline-run';
import { escalation, HOUR, machineTypes, onTicket, rec, record } from '../baseline-setup';
import { businessAfter, businessBetween } from '../business-time';
import { hasAny, ticketText } from '../text';

const BUDGET = 24 * HOUR;
const WARN = 4 * HOUR;
const LEVEL_TWO = [
  { subcategory: 'login_failure', keywords: ['登录失败', '无法登录', '登录异常', '登不上', 'login'] },
  { subcategory: 'data_error', keywords: ['数据错误', '数据不一致', '数据丢失', '数据异常', 'wrong data', 'data error'] },
] as const;

/** The cause clock: working time left at `since`, running or standing still (while the ticket is pending). */
interface CauseClock {
  readonly since: number;
  readonly left: number;
  readonly running: boolean;
  readonly warned: boolean;
}
const IDLE_CLOCK: CauseClock = { since: 0, left: BUDGET, running: false, warned: false };

function classify(text: string): Step {
  const subcategory = LEVEL_TWO.find((l) => hasAny(text, l.keywords))?.subcategory ?? 'feature_unavailable';
  return { type: 'set_category', params: { category: 'fault', subcategory }, patch: { category: 'fault', subcategory } };
}

const causeFound = ({ event }: { event: BaselineEvent }): boolean =>
  (event.type === 'agent.action' && event.action === 'note') || event.run.ticket.status === 'resolved' || event.run.ticket.status === 'closed';
const pending = onTicket((t) => t.status === 'pending');

/**
 * Scenario 12: a system fault gets its level two, and technical support has 24 working hours
 * to find its cause (a note, or the ticket resolved or closed); the clock stands still while the
 * ticket is pending. 4 working hours before the end the group is reminded, at the end the
 * ticket is escalated to the manager, level 2.
 */
export const techCause24h = setup({
  types: { ...machineTypes, context: {} as { clock: CauseClock } },
  actions: { record },
  delays: {
    next: ({ context: { clock }, event }) =>
      Math.max(0, businessAfter(clock.since, clock.warned ? clock.left : Math.max(0, clock.left - WARN)) - event.now),
  },
}).createMachine({
  id: 'tech-cause-24h',
  context: { clock: IDLE_CLOCK },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.category === 'fault'),
          target: 'running',
          actions: [
            rec(({ event }) => classify(ticketText(event.run.ticket))),
            assign({ clock: ({ event }) => ({ since: Date.parse(event.run.ticket.createdAt), left: BUDGET, running: true, warned: false }) }),
          ],
        },
      },
    },
    running: {
      on: {
        '*': [
          { guard: causeFound, target: 'idle' },
          {
            guard: pending,
            target: 'paused',
            actions: assign({
              clock: ({ context: { clock }, event }) => ({
                ...clock,
                running: false,
                left: Math.max(0, clock.left - businessBetween(clock.since, event.now)),
                since: event.now,
              }),
            }),
          },
        ],
      },
      after: {
        next: [
          {
            guard: ({ context }) => !context.clock.warned,
            target: 'running',
            reenter: true,
            actions: [
              assign({ clock: ({ context: { clock } }) => ({ ...clock, warned: true }) }),
              rec(({ event }) => {
                const t = event.run.ticket;
                return {
                  type: 'notify',
                  params: {
                    to: 'group',
                    via: 'im',
                    recipient: t.group,
                    body: `工单 ${t.number}（${t.subcategory ?? ''}）距 24 个工作小时定位原因的时限只剩 4 个工作小时，请尽快给出故障原因。Ticket ${t.number} has 4 working hours left to find the cause.`,
                  },
                };
              }),
            ],
          },
          {
            target: 'idle',
            actions: rec(({ event }) =>
              escalation(event.run.ticket, 2, 'manager', '技术支持 24 个工作小时内未给出故障原因 no cause found within 24 working hours'),
            ),
          },
        ],
      },
    },
    paused: {
      on: {
        '*': [
          { guard: causeFound, target: 'idle' },
          {
            guard: (args) => !pending(args),
            target: 'running',
            actions: assign({ clock: ({ context: { clock }, event }) => ({ ...clock, running: true, since: event.now }) }),
          },
        ],
      },
    },
  },
});
