import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import type { ActionContext, ActionResult } from '../sdk/node-context';
import { isValidTemplate } from '../sdk/template';
import { isChinese } from '../sdk/text-match';
import { words } from '../sdk/field-words';

/*
 * Messages are composed here and delivered by the host (a channel gateway at run time),
 * so run and simulate are the same pure function.
 */
function composeReply(ctx: ActionContext, config: { template: string; templateEn?: string | undefined }): ActionResult {
  const language = customerLanguage(ctx, config.templateEn !== undefined);
  const body = ctx.render(language === 'en' ? (config.templateEn ?? '') : config.template);
  return { params: { body, language }, message: { audience: 'customer', body, via: ctx.ticket.channel, language } };
}

/** Chinese unless the ticket has no Chinese text at all. */
function customerLanguage(ctx: ActionContext, hasEnglish = true): 'zh-CN' | 'en' {
  return hasEnglish && !isChinese(`${ctx.ticket.subject}${ctx.ticket.body}`) ? 'en' : 'zh-CN';
}

function composeSurvey(ctx: ActionContext, validDays: number): ActionResult {
  const language = customerLanguage(ctx);
  const body =
    language === 'en'
      ? `How did we do on ticket ${ctx.ticket.number}? Please rate us from 1 to 5 within ${validDays} days.`
      : `您对工单 ${ctx.ticket.number} 的服务满意吗？请在 ${validDays} 天内回复 1-5 分为我们评分。`;
  return {
    params: { validDays, validUntil: new Date(ctx.now.getTime() + validDays * 86_400_000).toISOString() },
    message: { audience: 'customer', body, via: ctx.ticket.channel, language },
  };
}

const Template = z
  .string()
  .min(1)
  .max(4000)
  .refine(isValidTemplate, bilingual('broken {{ }} tag in template', '模板中的 {{ }} 标记不完整'));

/**
 * Replies to the customer. The message is in Chinese unless the ticket has no Chinese
 * text and an English template is given.
 */
export const reply = defineNode({
  type: 'reply',
  kind: 'action',
  icon: 'reply',
  sideEffect: true,
  title: { en: 'Reply to customer', 'zh-CN': '回复客户' },
  description: {
    en: 'Replies to the customer from a template: Chinese, or English for a ticket without Chinese text when an English template is given.',
    'zh-CN': '按模板回复客户：默认中文；工单无中文且提供了英文模板时用英文。',
  },
  config: z.strictObject({
    template: describeField(Template, {
      title: words('Message', '回复内容'),
      help: words(
        'Chinese text; {{ticket.customer.name}} and other variables are filled in.',
        '中文内容；{{ticket.customer.name}} 等变量会被替换。',
      ),
      variables: 'template',
    }),
    templateEn: describeField(Template.optional(), {
      title: words('Message in English', '英文回复内容'),
      help: words('Sent instead when the ticket has no Chinese text.', '工单没有中文时改发这段英文。'),
      variables: 'template',
    }),
  }),
  output: z.never(),
  run: (ctx, config) => composeReply(ctx, config),
  simulate: (ctx, config) => composeReply(ctx, config),
  summary: (config) => (config.template.length > 24 ? `${config.template.slice(0, 24)}…` : config.template),
});

/** Tells people inside the team: the assignee, the supervisor or the whole group. */
export const notify = defineNode({
  type: 'notify',
  kind: 'action',
  icon: 'bell',
  sideEffect: true,
  title: { en: 'Notify team', 'zh-CN': '通知' },
  description: {
    en: 'Tells people in the team: the assignee, the supervisor or the group, by IM, email or SMS.',
    'zh-CN': '通知团队成员：处理人、主管或整组，通过 IM、邮件或短信。',
  },
  config: z.strictObject({
    to: describeField(z.enum(['assignee', 'supervisor', 'group']).default('assignee'), {
      title: words('Who', '通知谁'),
      choices: {
        assignee: words('The assignee', '处理人'),
        supervisor: words('The supervisor', '主管'),
        group: words('The whole group', '整个处理组'),
      },
    }),
    via: describeField(z.enum(['im', 'email', 'sms']).default('im'), {
      title: words('How', '通知方式'),
      choices: { im: words('Instant message', '即时消息'), email: words('Email', '邮件'), sms: words('Text message (SMS)', '短信') },
    }),
    template: describeField(Template, { title: words('Message', '通知内容'), variables: 'template' }),
  }),
  output: z.never(),
  run: (ctx, config) => composeNotice(ctx, config),
  simulate: (ctx, config) => composeNotice(ctx, config),
  summary: (config) => `${config.to} · ${config.via}`,
});

function composeNotice(ctx: ActionContext, config: { to: string; via: string; template: string }): ActionResult {
  const recipient = config.to === 'assignee' ? ctx.ticket.assignee : config.to === 'group' ? ctx.ticket.group : 'supervisor';
  const body = ctx.render(config.template);
  return { params: { to: config.to, via: config.via, recipient, body }, message: { audience: 'team', body, recipient, via: config.via } };
}

/** Sends a satisfaction survey that stays open for some days. */
export const survey = defineNode({
  type: 'survey',
  kind: 'action',
  icon: 'smile',
  sideEffect: true,
  title: { en: 'Send survey', 'zh-CN': '发送满意度调查' },
  description: {
    en: 'Sends a satisfaction survey that stays open for some days.',
    'zh-CN': '发送满意度调查，在若干天内有效。',
  },
  config: z.strictObject({
    validDays: describeField(z.number().int().min(1).max(90).default(7), {
      title: words('Open for (days)', '有效天数'),
      help: words('How long the customer can answer.', '客户可在多少天内作答。'),
    }),
    scale: z.literal(5).default(5),
  }),
  output: z.never(),
  run: (ctx, config) => composeSurvey(ctx, config.validDays),
  simulate: (ctx, config) => composeSurvey(ctx, config.validDays),
  summary: (config, locale) => (locale === 'en' ? `valid ${config.validDays} days` : `有效期 ${config.validDays} 天`),
});
