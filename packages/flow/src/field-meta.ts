import { z } from 'zod';
import { isRecord } from './is-record';

/** Text in both languages the product speaks. */
export const FieldText = z.object({ en: z.string(), 'zh-CN': z.string() });
export type FieldText = z.infer<typeof FieldText>;

/** The key under which a config field's metadata travels in its JSON Schema. */
export const FIELD_META_KEY = 'x-field';

/**
 * What a person sees of one config field: its title, a help line, a label per choice,
 * the group it is shown in, when it applies at all, and whether its text is a template
 * or an expression (which gets the variable browser, completion and the unknown-variable check).
 */
export const FieldMeta = z.object({
  title: FieldText,
  help: FieldText.optional(),
  /** A label per enum value (of the field, or of its list items); on a free-text field, suggested values. */
  choices: z.record(z.string(), FieldText).optional(),
  /** A heading the field is shown under; fields without one come first. */
  group: FieldText.optional(),
  /** The group starts folded (settings most flows leave alone) until one of its fields has a value. */
  folded: z.boolean().optional(),
  /** Shown only while each named sibling field has one of the listed values (a missing field counts as its default). */
  showWhen: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
  /** `template`: mustache text (`{{ticket.number}}`); `expression`: a CEL expression. */
  variables: z.enum(['template', 'expression']).optional(),
});
export type FieldMeta = z.infer<typeof FieldMeta>;

/**
 * A config field with its metadata: the English title and help become the JSON Schema's
 * `title` and `description`, and all of it travels as `x-field`, so editors (and custom nodes'
 * forms) read it from `GET /api/nodes`.
 * @example
 * keywords: describeField(z.array(z.string()), { title: { en: 'Keywords', 'zh-CN': '关键词' } })
 */
export function describeField<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  return schema.meta({ title: meta.title.en, ...(meta.help ? { description: meta.help.en } : {}), [FIELD_META_KEY]: meta });
}

/**
 * Reads the metadata of one property of a JSON Schema (untrusted: from the API); undefined when it has none.
 * @example readFieldMeta(configSchema.properties.keywords)?.title['zh-CN'] // "关键词"
 */
export function readFieldMeta(property: unknown): FieldMeta | undefined {
  if (!isRecord(property) || property[FIELD_META_KEY] === undefined) return undefined;
  const parsed = FieldMeta.safeParse(property[FIELD_META_KEY]);
  return parsed.success ? parsed.data : undefined;
}

const jsonSchemas = new WeakMap<z.ZodType, unknown>();

/** A config schema as JSON Schema (input side), made once per schema. */
export function configJsonSchema(schema: z.ZodType): unknown {
  let json = jsonSchemas.get(schema);
  if (json === undefined) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    jsonSchemas.set(schema, json);
  }
  return json;
}

/** The properties of an object JSON Schema, by key (none for anything else). */
export function schemaProperties(schema: unknown): Record<string, unknown> {
  return isRecord(schema) && isRecord(schema.properties) ? { ...schema.properties } : {};
}
