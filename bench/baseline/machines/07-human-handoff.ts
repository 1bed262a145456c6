import { setup } from 'xstate';
import type { BaselineEvent } from '../baseline-run';
import { machineTypes, rec, record } from '../baseline-setup';
import { fold, hasAny, replyStep } from '../text';

const ASKS_HUMAN = ['人工', '转人工', '真人', 'human', 'agent'];

/** The last three messages are the same text, ignoring case, width and spaces. */
function repeatedThrice(messages: readonly string[]): boolean {
  const last = messages.slice(-3).map((m) => fold(m).replace(/\s+/g, ''));
  return last.length === 3 && last[0] !== '' && last.every((m) => m === last[0]);
}

const wantsHuman = ({ event }: { event: BaselineEvent }): boolean =>
  !event.run.ticket.tags.includes('human_handoff') &&
  (hasAny(fold(event.body ?? ''), ASKS_HUMAN) || repeatedThrice(event.run.counters.recentMessages));

/** Scenario 7: a message asking for a person, or the same text three times: hand off and tell the customer. */
export const humanHandoff = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'human-handoff',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'customer.message': {
          guard: wantsHuman,
          actions: [
            rec(({ event }) => ({
              type: 'handoff',
              params: { group: event.run.ticket.group },
              patch: { tags: [...event.run.ticket.tags, 'human_handoff'] },
            })),
            rec(({ event }) =>
              replyStep(
                event.run.ticket,
                '您好，已为您转接人工客服，专员马上为您服务，请稍候~',
                'Hello, a member of our team is taking over your conversation now. Please hold on for a moment.',
              ),
            ),
          ],
        },
      },
    },
  },
});
