import { type Ticket, Ticket as TicketShape, type TicketEvent, type VariableNode } from '@switchyard/flow';
import { EMPTY_STATS, evaluateBoolean, type NodeContext, renderTemplate, templateView } from '@switchyard/nodes/browser';
import type { Locale } from '../i18n/translate';

/** The ticket previews render against: one a supervisor recognises, in the language they read. */
export function previewTicket(locale: Locale): Ticket {
  return TicketShape.parse({
    id: 'T-1001',
    number: 'GD2024050001',
    channel: 'chat',
    subject: locale === 'en' ? 'Where is my parcel?' : '我的快递还没到',
    body: locale === 'en' ? 'Order DD20240501 has not arrived after three days.' : '订单 DD20240501 三天了还没收到。',
    customer: { id: 'C-88', name: locale === 'en' ? 'Emma Li' : '王小明', tier: 'vip', contact: '138 0000 0000' },
    category: 'logistics',
    priority: 'high',
    tags: ['logistics'],
    createdAt: '2026-05-01T09:00:00+08:00',
  });
}

function previewContext(ticket: Ticket, vars: Readonly<Record<string, unknown>>): NodeContext {
  const event: TicketEvent = { type: 'customer.message', body: ticket.body };
  return {
    ticket,
    stats: { ...EMPTY_STATS, customerMessages: 2, recentMessages: [ticket.body, ticket.body] },
    now: new Date(Date.parse(ticket.createdAt) + 30 * 60_000),
    event,
    vars,
  };
}

/**
 * A template as the runtime renders it (the node SDK's `renderTemplate` over `templateView`),
 * against the preview ticket and sample outputs of earlier steps.
 * @example renderPreview('{{ticket.customer.name}} 您好', previewTicket('zh-CN'), {}) // "王小明 您好"
 */
export function renderPreview(template: string, ticket: Ticket, vars: Readonly<Record<string, unknown>>): string {
  try {
    return renderTemplate(template, templateView(previewContext(ticket, vars)));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** An expression's value for the preview ticket, as the runtime evaluates it; the error text when it fails. */
export function evaluatePreview(expression: string, ticket: Ticket, vars: Readonly<Record<string, unknown>>): boolean | string {
  try {
    return evaluateBoolean(expression, previewContext(ticket, vars));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The text a click in the variable browser inserts: `{{name}}` in a template, the bare name in an expression. */
export function insertionFor(variable: Pick<VariableNode, 'path'>, scope: 'template' | 'expression'): string {
  return scope === 'template' ? `{{${variable.path}}}` : variable.path;
}

/**
 * Completions for a template being typed: inside an unclosed `{{`, the known names that
 * start with what follows it. `from` is where the name begins.
 * @example templateCompletions('你好 {{ticket.cu', names) // { from: 5, names: ['ticket.customer', ...] }
 */
export function templateCompletions(textBeforeCursor: string, paths: readonly string[]): { from: number; names: string[] } | undefined {
  const open = textBeforeCursor.lastIndexOf('{{');
  if (open < 0 || textBeforeCursor.indexOf('}}', open) >= 0) return undefined;
  const typed = textBeforeCursor.slice(open + 2).replace(/^[{&#^]\s*/, '');
  if (!/^[\w.]*$/.test(typed)) return undefined;
  const names = paths.filter((p) => p.startsWith(typed) && p !== typed).slice(0, 8);
  return names.length ? { from: textBeforeCursor.length - typed.length, names } : undefined;
}
