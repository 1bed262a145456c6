import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { normalizeText } from '../sdk/text-match';
import { describeField } from '@switchyard/flow';
import { words } from '../sdk/field-words';

/** True when the customer's last N messages are the same text (ignoring case, width and spaces). */
export const repeatedMessage = defineNode({
  type: 'repeated_message',
  kind: 'condition',
  icon: 'repeat',
  title: { en: 'Same message repeated', 'zh-CN': '重复发送相同消息' },
  description: {
    en: "True when the customer's last messages are the same text (case, width and spaces ignored).",
    'zh-CN': '客户最近几条消息内容相同（忽略大小写、全半角和空格）时为真。',
  },
  config: z.strictObject({
    times: describeField(z.number().int().min(2).max(10).default(3), {
      title: words('Times in a row', '连续次数'),
      help: words('2 to 10 of the latest customer messages.', '客户最近 2 到 10 条消息。'),
    }),
  }),
  evaluate: (ctx, config) => {
    const recent = ctx.stats.recentMessages.slice(-config.times).map((m) => normalizeText(m).replace(/\s+/g, ''));
    return recent.length === config.times && recent[0] !== '' && recent.every((m) => m === recent[0]);
  },
  // The run of identical last messages, not their text: the trace needs the count, not the customer's words.
  explain: (ctx, config) => ({ repeated: trailingRepeats(ctx.stats.recentMessages), times: config.times }),
  summary: (config, locale) => (locale === 'en' ? `same text ${config.times}× in a row` : `连续 ${config.times} 次相同`),
});

/** How many of the last messages are the same text as the very last one (0 when there is none or it is empty). */
function trailingRepeats(messages: readonly string[]): number {
  const folded = messages.map((m) => normalizeText(m).replace(/\s+/g, ''));
  const last = folded[folded.length - 1];
  if (last === undefined || last === '') return 0;
  let n = 0;
  for (let i = folded.length - 1; i >= 0 && folded[i] === last; i--) n++;
  return n;
}
