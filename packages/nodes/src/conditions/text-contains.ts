import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import type { NodeContext } from '../sdk/node-context';
import { firstKeyword } from '../sdk/text-match';
import { TEXT_SOURCE_FIELD, words } from '../sdk/field-words';

export const TextSource = z.enum(['ticket', 'subject', 'body', 'message']);

/** The text a keyword condition reads: subject and body, one of them, or the message being handled. */
export function textOf(ctx: NodeContext, source: z.infer<typeof TextSource>): string {
  switch (source) {
    case 'ticket':
      return `${ctx.ticket.subject}\n${ctx.ticket.body}`;
    case 'subject':
      return ctx.ticket.subject;
    case 'body':
      return ctx.ticket.body;
    case 'message':
      return ctx.event && 'body' in ctx.event ? ctx.event.body : '';
  }
}

/** True when the text contains any keyword: substring match, so it works on Chinese. */
export const textContains = defineNode({
  type: 'text_contains',
  kind: 'condition',
  icon: 'text-search',
  title: { en: 'Text contains', 'zh-CN': '文本包含' },
  description: {
    en: 'Any keyword appears in the text (case-insensitive, full-width folded).',
    'zh-CN': '文本包含任一关键词（不分大小写，全角半角视为相同）。',
  },
  config: z.strictObject({
    keywords: describeField(z.array(z.string().trim().min(1)).min(1, bilingual('add at least one keyword', '至少添加一个关键词')), {
      title: words('Keywords', '关键词'),
      help: words('True when any of them appears; press Enter after each.', '出现任一即为真；每个关键词后按回车。'),
    }),
    source: describeField(TextSource.default('ticket'), TEXT_SOURCE_FIELD),
  }),
  evaluate: (ctx, config) => firstKeyword(textOf(ctx, config.source), config.keywords) !== undefined,
  explain: (ctx, config) => ({ source: config.source, keyword: firstKeyword(textOf(ctx, config.source), config.keywords) ?? null }),
  summary: (config, locale) =>
    `${locale === 'en' ? 'contains' : '包含'} ${config.keywords.slice(0, 3).join(', ')}${config.keywords.length > 3 ? ' ...' : ''}`,
});
