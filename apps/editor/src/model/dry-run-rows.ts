import type { CatalogEntry, DryRunResult } from '@switchyard/api';
import { type FlowDocument, readFieldMeta, schemaProperties } from '@switchyard/flow';
import { type Locale, translate } from '../i18n/translate';
import { showValue } from './show-value';
import { virtualOffset } from './virtual-time';

/** One line of the dry-run timeline as a table row: when, which step, what it did. */
export interface TimelineRow {
  /** `+15m` after the ticket was created; the ISO time is `at`. */
  readonly offset: string;
  readonly at: string;
  readonly nodeId?: string;
  /** The step as people named it (its label, else its type's title); other flows' steps name their flow. */
  readonly step: string;
  readonly what: string;
  readonly error: boolean;
}

/** A parameter's value in words: the choice label its config field gives, else the value. */
function valueText(value: unknown, property: unknown, locale: Locale): string {
  const choices = readFieldMeta(property)?.choices;
  const one = (v: unknown) => choices?.[String(v)]?.[locale] ?? showValue(v);
  return Array.isArray(value) ? value.map(one).join(locale === 'en' ? ', ' : '、') : one(value);
}

/**
 * What an action did, in a locale: messages quote their text; other actions list their
 * settings by field title with choice labels (custom nodes included, from their metadata).
 */
export function describeAction(
  type: string,
  params: Readonly<Record<string, unknown>>,
  entry: CatalogEntry | undefined,
  locale: Locale,
): string {
  const title = entry?.title[locale] ?? type;
  const body = typeof params.body === 'string' ? params.body : undefined;
  if (type === 'reply' && body !== undefined) return translate(locale, 'dryRun.did.reply', { body });
  const properties = schemaProperties(entry?.configSchema);
  const parts = Object.entries(params)
    .filter(([key, value]) => value !== null && value !== undefined && key !== 'body' && key !== 'simulated')
    .map(([key, value]) => {
      const meta = readFieldMeta(properties[key]);
      const name = meta?.title[locale] ?? translate(locale, 'dryRun.param', { key });
      return `${name}${locale === 'en' ? ': ' : '：'}${valueText(value, properties[key], locale)}`;
    });
  if (body !== undefined) parts.push(`“${body}”`);
  if (params.simulated === true) parts.push(translate(locale, 'dryRun.simulated'));
  return parts.length ? `${title}${locale === 'en' ? ': ' : '：'}${parts.join(locale === 'en' ? '; ' : '；')}` : title;
}

/**
 * A ticket's run as table rows in time order: actions and errors, each naming its step.
 * @example timelineRows(result, createdAt, 'intake', doc, catalog, 'zh-CN')[0].what // "设置优先级：优先级：紧急"
 */
export function timelineRows(
  result: DryRunResult,
  createdAt: string,
  flowId: string,
  doc: Pick<FlowDocument, 'nodes'>,
  catalog: ReadonlyMap<string, CatalogEntry>,
  locale: Locale,
): TimelineRow[] {
  const stepName = (flow: string, nodeId: string | undefined, type?: string): string => {
    const node = flow === flowId ? doc.nodes.find((n) => n.id === nodeId) : undefined;
    const typeTitle = catalog.get(node?.type ?? type ?? '')?.title[locale];
    const name = node?.label ?? typeTitle ?? nodeId ?? '';
    return flow === flowId ? name : `${flow} · ${name}`;
  };
  const actions = result.actions.map((a): TimelineRow => ({
    offset: virtualOffset(a.at, createdAt),
    at: a.at,
    nodeId: a.node,
    step: stepName(a.flow, a.node, a.type),
    what: describeAction(a.type, a.params, catalog.get(a.type), locale),
    error: false,
  }));
  const errors = result.errors.map((e): TimelineRow => ({
    offset: virtualOffset(e.at, createdAt),
    at: e.at,
    ...(e.node !== undefined ? { nodeId: e.node } : {}),
    step: stepName(e.flow, e.node),
    what: translate(locale, 'dryRun.did.error', { message: e.message }),
    error: true,
  }));
  return [...actions, ...errors].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
