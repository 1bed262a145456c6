import { isRecord } from '@switchyard/flow';

/** The parts of a JSON Schema (draft 2020-12, as zod writes it) that the editor's forms read. */
export interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly pattern?: string;
  readonly description?: string;
  readonly title?: string;
  readonly format?: string;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads an untrusted JSON Schema value (from the API) into the typed subset, dropping anything else.
 * @example readJsonSchema({ type: 'string', enum: ['a'] }).enum // ['a']
 */
export function readJsonSchema(value: unknown): JsonSchema {
  if (!isRecord(value)) return {};
  const schema: { -readonly [K in keyof JsonSchema]: JsonSchema[K] } = {};
  if (typeof value.type === 'string') schema.type = value.type;
  if (Array.isArray(value.enum)) schema.enum = value.enum;
  if (value.const !== undefined) schema.const = value.const;
  if (value.default !== undefined) schema.default = value.default;
  if (value.items !== undefined) schema.items = readJsonSchema(value.items);
  if (Array.isArray(value.anyOf)) schema.anyOf = value.anyOf.map(readJsonSchema);
  if (isRecord(value.properties)) {
    schema.properties = Object.fromEntries(Object.entries(value.properties).map(([key, sub]) => [key, readJsonSchema(sub)]));
  }
  if (Array.isArray(value.required)) schema.required = value.required.filter((k): k is string => typeof k === 'string');
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems'] as const) {
    const number = num(value[key]);
    if (number !== undefined) schema[key] = number;
  }
  for (const key of ['pattern', 'description', 'title', 'format'] as const) {
    const text = str(value[key]);
    if (text !== undefined) schema[key] = text;
  }
  return schema;
}
