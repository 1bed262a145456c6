import { setup } from 'xstate';
import { machineTypes, MINUTE, onTicket, rec, record } from '../baseline-setup';
import { hasAny, replyStep, ticketText } from '../text';

const CANNOT_OPEN = ['打不开', '无法打开', 'cannot open'];

/** Scenario 8: guide a non-urgent "cannot open" fault; silence for 15 min resolves it, a message sends it to tech support. */
export const autoResolveNoReply = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'auto-resolve-no-reply',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.category === 'fault' && t.priority !== 'urgent' && hasAny(ticketText(t), CANNOT_OPEN)),
          target: 'waiting',
          actions: rec(({ event }) =>
            replyStep(
              event.run.ticket,
              `您好，工单 ${event.run.ticket.number} 已收到。请先按以下步骤排查：1. 清除缓存后重启应用；2. 检查网络并更新到最新版本；3. 操作指引视频与常见问题 FAQ：https://help.example.com/faq/cannot-open 。如 15 分钟内仍无法解决，请直接回复本消息，我们将安排技术支持为您处理。`,
              `Hello, we received ticket ${event.run.ticket.number}. Please try: 1. clear the cache and restart the app; 2. check your network and update to the latest version; 3. guide video and FAQ: https://help.example.com/faq/cannot-open . If it still does not open, reply to this message within 15 minutes and our tech support team will take over.`,
            ),
          ),
        },
      },
    },
    waiting: {
      on: {
        'customer.message': {
          target: 'idle',
          actions: rec({ type: 'assign', params: { group: 'tech_support', agent: null }, patch: { group: 'tech_support' } }),
        },
      },
      after: {
        [15 * MINUTE]: {
          target: 'idle',
          actions: [
            rec({ type: 'set_status', params: { status: 'resolved' }, patch: { status: 'resolved' } }),
            rec(({ event }) => {
              const tags = event.run.ticket.tags;
              return { type: 'add_tag', params: { tag: 'auto_resolved' }, patch: { tags: tags.includes('auto_resolved') ? tags : [...tags, 'auto_resolved'] } };
            }),
          ],
        },
      },
    },
  },
});
