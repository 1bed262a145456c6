import { type FieldMeta, readFieldMeta, schemaProperties } from '@switchyard/flow';
import { type JsonSchema, readJsonSchema } from './json-schema';
import { showValue } from './show-value';

/** Which input a config field gets in the inspector. */
export type FieldWidget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'multi-enum'
  | 'chips'
  | 'number-chips'
  | 'duration'
  | 'expression'
  | 'template'
  | 'group'
  | 'agent'
  | 'skill'
  | 'scalar-or-list'
  | 'json';

/** One input of a node's generated form. */
export interface FieldDescriptor {
  readonly key: string;
  readonly widget: FieldWidget;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly default?: unknown;
  readonly description?: string;
  /** Title, help, choice labels, group and when it applies, from the node definition (`x-field`). */
  readonly meta?: FieldMeta;
}

/** Fields whose text is a duration ("15m"): the schema says string, the name says what it means. */
const DURATION_KEYS = new Set(['duration', 'timeout', 'after', 'within']);
/** Long text: message templates and bodies get a multi-line box. */
const LONG_TEXT_KEYS = new Set(['template', 'templateEn', 'body', 'reason', 'message']);
/** Roster pickers: the values are ids of groups, agents and skills from GET /api/groups, /api/agents and /api/skills. */
const PICKER_KEYS: Record<string, FieldWidget> = { group: 'group', agent: 'agent', assignee: 'agent', skill: 'skill' };

const stringEnum = (schema: JsonSchema): string[] | undefined =>
  schema.type === 'string' && schema.enum?.every((v) => typeof v === 'string') ? schema.enum.map(String) : undefined;

function widgetFor(key: string, schema: JsonSchema, meta?: FieldMeta): Pick<FieldDescriptor, 'widget' | 'options' | 'integer'> {
  if (meta?.variables === 'expression') return { widget: 'expression' };
  if (meta?.variables === 'template') return { widget: 'template' };
  // "a status or a list of statuses": one multi-select, stored as a list.
  if (schema.anyOf) {
    const single = schema.anyOf.map(stringEnum).find(Boolean);
    const multiple = schema.anyOf.find((s) => s.type === 'array' && s.items && stringEnum(s.items));
    if (single && multiple) return { widget: 'multi-enum', options: single };
    const scalarish = schema.anyOf.every((s) => ['string', 'number', 'boolean', 'array'].includes(s.type ?? ''));
    return { widget: scalarish ? 'scalar-or-list' : 'json' };
  }
  const options = stringEnum(schema);
  if (options) return { widget: 'enum', options };
  switch (schema.type) {
    case 'string':
      if (key === 'expression' || schema.format === 'cel') return { widget: 'expression' };
      if (DURATION_KEYS.has(key) || schema.format === 'duration') return { widget: 'duration' };
      if (PICKER_KEYS[key]) return { widget: PICKER_KEYS[key] };
      if (LONG_TEXT_KEYS.has(key) || (schema.maxLength ?? 0) > 200) return { widget: 'textarea' };
      return { widget: 'text' };
    case 'integer':
    case 'number':
      return { widget: 'number', integer: schema.type === 'integer' };
    case 'boolean':
      return { widget: 'boolean' };
    case 'array': {
      const items = schema.items ?? {};
      const itemOptions = stringEnum(items);
      if (itemOptions) return { widget: 'multi-enum', options: itemOptions };
      if (items.type === 'string') return { widget: 'chips' };
      if (items.type === 'integer' || items.type === 'number') return { widget: 'number-chips', integer: items.type === 'integer' };
      return { widget: 'json' };
    }
    default:
      return { widget: 'json' };
  }
}

/**
 * The form fields for a node's config JSON Schema, in the schema's order.
 * Constants are left out: there is nothing to choose.
 * @example configFields({ type: 'object', properties: { keywords: { type: 'array', items: { type: 'string' } } } })[0].widget // "chips"
 */
export function configFields(configSchema: unknown): FieldDescriptor[] {
  const schema = readJsonSchema(configSchema);
  const raw = schemaProperties(configSchema);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.const === undefined)
    .map(([key, property]) => {
      const bounds = property.type === 'array' ? (property.items ?? {}) : property;
      const meta = readFieldMeta(raw[key]);
      return {
        key,
        required: required.has(key),
        ...widgetFor(key, property, meta),
        ...(meta ? { meta } : {}),
        ...(bounds.minimum !== undefined ? { minimum: bounds.minimum } : {}),
        ...(bounds.maximum !== undefined && bounds.maximum < Number.MAX_SAFE_INTEGER ? { maximum: bounds.maximum } : {}),
        ...(property.pattern !== undefined ? { pattern: property.pattern } : {}),
        ...(property.default !== undefined ? { default: property.default } : {}),
        ...(property.description !== undefined ? { description: property.description } : {}),
      };
    });
}

/**
 * A value typed into a `scalar-or-list` field: a number, a boolean, a JSON list, a comma-separated list, or the text.
 * @example parseLooseValue('vip, standard') // ['vip', 'standard']
 */
export function parseLooseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON after all: keep the text as written.
    }
  }
  if (trimmed.includes(','))
    return trimmed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

/** The text a `scalar-or-list` field shows for a stored value. */
export function formatLooseValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  return showValue(value);
}

/**
 * Whether a field applies to the config as it is: each sibling its `showWhen` names has one
 * of the listed values (a field left out counts as its default).
 * @example isFieldShown(agentField, { strategy: 'least_loaded' }, fields) // false
 */
export function isFieldShown(
  field: FieldDescriptor,
  config: Readonly<Record<string, unknown>>,
  fields: readonly FieldDescriptor[],
): boolean {
  return Object.entries(field.meta?.showWhen ?? {}).every(([key, allowed]) => {
    const value = config[key] ?? fields.find((f) => f.key === key)?.default;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    return values.some((v) => allowed.some((a) => a === v));
  });
}

/** Fields in their groups, in order: the ungrouped first, then each group where its first field is. */
export function groupFields(
  fields: readonly FieldDescriptor[],
): { readonly group: FieldMeta['group']; readonly fields: FieldDescriptor[] }[] {
  const groups: { group: FieldMeta['group']; fields: FieldDescriptor[] }[] = [{ group: undefined, fields: [] }];
  for (const field of fields) {
    const heading = field.meta?.group;
    const found = groups.find((g) => g.group?.en === heading?.en);
    if (found) found.fields.push(field);
    else groups.push({ group: heading, fields: [field] });
  }
  return groups.filter((g) => g.fields.length > 0);
}
