import type { Locale } from '../i18n/translate';
import { humanDuration } from '@switchyard/api';
import { showValue } from './show-value';

type Config = Readonly<Record<string, unknown>>;
type Summarizer = (config: Config, zh: boolean, locale: Locale) => string | undefined;

/** A node shows at most this many characters of summary: one line on the canvas. */
const MAX_LENGTH = 48;
/** Keyword lists show this many items before "...". */
const MAX_ITEMS = 2;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(showValue) : value === undefined || value === null ? [] : [showValue(value)];
const items = (values: string[]): string =>
  values.length > MAX_ITEMS ? `${values.slice(0, MAX_ITEMS).join(', ')} ...` : values.join(', ');
const quoted = (value: unknown): string | undefined => (text(value) === undefined ? undefined : `“${text(value)}”`);

const OPERATORS: Record<string, string> = { eq: '=', neq: '≠', in: '∈', not_in: '∉', contains: '∋', gt: '>', gte: '≥', lt: '<', lte: '≤' };

const SUMMARIES: Record<string, Summarizer> = {
  status_changed: (c, zh) => (list(c.status).length ? `${zh ? '状态' : 'status'} → ${list(c.status).join(', ')}` : undefined),
  agent_action: (c, zh) => (list(c.actions).length ? `${zh ? '操作' : 'action'} ∈ ${items(list(c.actions))}` : undefined),
  survey_response: (c, zh) => (c.maxScore !== undefined ? `${zh ? '评分' : 'score'} ≤ ${showValue(c.maxScore)}` : undefined),
  text_contains: (c, zh) => {
    const keywords = list(c.keywords);
    if (keywords.length === 0) return undefined;
    const where = c.source && c.source !== 'ticket' ? `${showValue(c.source)} ` : '';
    return `${where}${zh ? '包含' : 'contains'} ${items(keywords)}`;
  },
  field_compare: (c) => {
    if (!c.field) return undefined;
    const op = text(c.op) ?? 'eq';
    if (op === 'exists' || op === 'not_exists') return `${showValue(c.field)} ${op === 'exists' ? '∃' : '∄'}`;
    return `${showValue(c.field)} ${OPERATORS[op] ?? op} ${items(list(c.value))}`;
  },
  customer_tier: (c, zh) => `${zh ? '客户等级' : 'tier'} = ${text(c.tier) ?? 'vip'}`,
  channel_is: (c, zh) => (list(c.channels).length ? `${zh ? '渠道' : 'channel'} ∈ ${items(list(c.channels))}` : undefined),
  message_count: (c, zh) =>
    c.count !== undefined ? `${zh ? '消息数' : 'messages'} ${c.op === 'gte' ? '≥' : '='} ${showValue(c.count)}` : undefined,
  repeated_message: (c, zh) => `${zh ? '相同消息' : 'same message'} ×${showValue(c.times ?? 3)}`,
  business_hours: (c) => `${text(c.start) ?? '09:00'}–${text(c.end) ?? '18:00'}`,
  expression: (c) => text(c.expression),
  delay: (c, zh, locale) => (text(c.duration) ? `${zh ? '等待' : 'wait'} ${humanDuration(showValue(c.duration), locale)}` : undefined),
  wait_for_event: (c, zh, locale) => {
    if (!c.event) return undefined;
    const timeout = text(c.timeout) ? humanDuration(showValue(c.timeout), locale) : '?';
    return zh ? `等待 ${showValue(c.event)}，最多 ${timeout}` : `wait ${showValue(c.event)}, up to ${timeout}`;
  },
  assign: (c, zh) => {
    const who = text(c.agent) ?? text(c.group);
    const strategy = c.strategy === 'least_loaded' ? (zh ? '负载最低' : 'least loaded') : undefined;
    return [who, strategy].filter(Boolean).join(', ') || undefined;
  },
  set_priority: (c) => (text(c.priority) ? `→ ${showValue(c.priority)}` : undefined),
  set_category: (c) => (text(c.category) ? `→ ${showValue(c.category)}` : undefined),
  set_status: (c) => (text(c.status) ? `→ ${showValue(c.status)}` : undefined),
  add_tag: (c) => (text(c.tag) ? `+ ${showValue(c.tag)}` : undefined),
  flag: (c) => (text(c.flag) ? `⚑ ${showValue(c.flag)}` : undefined),
  transfer: (c) => (text(c.group) ? `→ ${showValue(c.group)}` : undefined),
  handoff: (c) => (text(c.group) ? `→ ${showValue(c.group)}` : undefined),
  reply: (c) => quoted(c.template),
  notify: (c) => (text(c.template) ? `${text(c.to) ?? 'assignee'}: ${quoted(c.template)}` : undefined),
  escalate: (c) => `L${showValue(c.level ?? 1)} → ${text(c.to) ?? 'supervisor'}`,
  http: (c) => (text(c.url) ? `${text(c.method) ?? 'GET'} ${showValue(c.url)}` : undefined),
  survey: (c, zh) => (zh ? `${showValue(c.validDays ?? 7)} 天内有效` : `valid ${showValue(c.validDays ?? 7)} days`),
};

/** Any other node type (a custom node): its first settings as `key: value`. */
function genericSummary(config: Config): string | undefined {
  const parts = Object.entries(config)
    .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${showValue(value)}`);
  return parts.length ? parts.join(', ') : undefined;
}

function truncate(line: string): string {
  const single = line.replace(/\s+/g, ' ').trim();
  return single.length > MAX_LENGTH ? `${single.slice(0, MAX_LENGTH - 1)}…` : single;
}

/**
 * One line saying what a node's config does, shown under its title on the canvas.
 * Empty when there is nothing to say (a trigger without settings, an unconfigured node).
 * @example summarizeConfig('text_contains', { keywords: ['物流', '快递', '包裹'] }, 'en') // "contains 物流, 快递 ..."
 */
export function summarizeConfig(type: string, config: Config, locale: Locale): string {
  const summarize = SUMMARIES[type];
  const line = summarize ? summarize(config, locale === 'zh-CN', locale) : genericSummary(config);
  return line ? truncate(line) : '';
}
