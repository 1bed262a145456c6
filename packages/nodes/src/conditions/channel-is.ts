import { bilingual, Channel, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { CHANNEL_CHOICES, words } from '../sdk/field-words';

/** True when the ticket came through one of the channels. */
export const channelIs = defineNode({
  type: 'channel_is',
  kind: 'condition',
  icon: 'radio',
  title: { en: 'Channel', 'zh-CN': '渠道' },
  description: {
    en: 'True when the ticket came through one of the channels.',
    'zh-CN': '工单来自所选渠道之一时为真。',
  },
  config: z.strictObject({
    channels: describeField(z.array(Channel).min(1, bilingual('pick at least one channel', '至少选择一个渠道')), {
      title: words('Channels', '渠道'),
      choices: CHANNEL_CHOICES,
    }),
  }),
  evaluate: (ctx, config) => config.channels.includes(ctx.ticket.channel),
  explain: (ctx, config) => ({ field: 'channel', actual: ctx.ticket.channel, expected: config.channels }),
  summary: (config) => config.channels.join(' | '),
});
