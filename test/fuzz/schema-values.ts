import fc from 'fast-check';
import { DEEP_NESTING_MARKER, hostileValue } from './hostile-values';

/** The part of JSON Schema (as /openapi.json writes it) the fuzzer reads. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
}

export type SchemaRefs = Readonly<Record<string, JsonSchema>>;

/** What values are built from: ids that exist, the one this request is about, and whether fields may turn hostile. */
export interface ValueContext {
  readonly known: readonly string[];
  /** An existing id this request is about: the path's id, and the body's ids more often than not. */
  readonly subject: string;
  readonly hostile: boolean;
}

/** Plausible text for a field: the request's subject, an id that exists, short words, times, Chinese. */
function plainString(schema: JsonSchema, context: ValueContext): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern);
  const fits = (text: string) => pattern === undefined || pattern.test(text);
  const ids = context.known.filter(fits);
  const other = pattern
    ? fc.stringMatching(pattern)
    : fc.oneof(
        fc.constantFrom('chat', 'vip', 'C1001', '15m', '+15m', '订单 DD20260501001', 'after_sales'),
        fc.string({ minLength: 1, maxLength: 12 }),
      );
  return fc.oneof(
    { weight: fits(context.subject) ? 3 : 0, arbitrary: fc.constant(context.subject) },
    { weight: ids.length ? 1 : 0, arbitrary: fc.constantFrom(...(ids.length ? ids : [''])) },
    { weight: 3, arbitrary: other },
  );
}

/** Values that fields of these names take when they mean something: durations, offsets, rising steps, versions that exist. */
const HINTS: Readonly<Record<string, readonly unknown[]>> = {
  every: ['15m', '1h'],
  at: ['+15m', '+2h'],
  steps: [[10, 50, 100], [25]],
  guardrails: [[], [{ metric: 'errorRate', above: 20 }], [{ metric: 'escalationRate', worseThanStableBy: 5, minTickets: 10 }]],
  stable: [1],
  candidate: [null, 1, 2],
  version: [1, 2],
  from: [1],
  to: [2],
  events: [[], [{ at: '+15m', type: 'customer.message', body: '还没发货吗？' }]],
};

/** Stands for a field left out of an object. */
const ABSENT = Symbol('absent');

/** A number within the schema's range, small ones (versions that exist, a share of 10%) most often. */
function plainNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1000 : schema.exclusiveMinimum + 1);
  const max = schema.maximum ?? Math.max(min + 1000, 1000);
  const low = Math.ceil(Math.max(min, Math.min(max, 0)));
  const anywhere = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(fc.integer({ min: low, max: Math.min(Math.floor(max), low + 3) }), anywhere);
}

/**
 * Values shaped like `schema` (so requests get past the first check and reach the
 * runtime); in a hostile context any field may instead hold a hostile value, and objects
 * may carry a field the schema does not know.
 */
export function schemaValue(schema: JsonSchema, refs: SchemaRefs, context: ValueContext, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedValue(schema, refs, context, depth);
  return context.hostile ? fc.oneof({ weight: 20, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue }) : shaped;
}

function shapedValue(schema: JsonSchema, refs: SchemaRefs, context: ValueContext, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = refs[schema.$ref.replace('#/components/schemas/', '')];
    return target ? shapedValue(target, refs, context, depth) : hostileValue;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => shapedValue(choice, refs, context, depth)));
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? []);
  if (types.length > 1) return fc.oneof(...types.map((type) => shapedValue({ ...schema, type }, refs, context, depth)));
  const next = (inner: JsonSchema) => (depth > 6 ? hostileValue : schemaValue(inner, refs, context, depth + 1));
  switch (types[0]) {
    case 'string':
      return plainString(schema, context);
    case 'integer':
    case 'number':
      return plainNumber(schema, types[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? next(schema.items) : hostileValue, { minLength: Math.min(schema.minItems ?? 0, 2), maxLength: 3 });
    case 'object': {
      const property = (key: string, inner: JsonSchema) => {
        const hints = HINTS[key];
        return hints ? fc.oneof(fc.constantFrom(...hints), next(inner)) : next(inner);
      };
      // Each optional field is left out half the time (fc.record would send most of them).
      const required = new Set(schema.required ?? []);
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, inner]) => [
          key,
          required.has(key) ? property(key, inner) : fc.option(property(key, inner), { nil: ABSENT, freq: 2 }),
        ]),
      );
      const extra = schema.additionalProperties;
      // A free-form object (a node's config, a scripted event) takes any fields: hostile ones among them.
      const freeValue = fc.oneof(
        { weight: 4, arbitrary: next(typeof extra === 'object' ? extra : {}) },
        { weight: 1, arbitrary: fc.constant(DEEP_NESTING_MARKER) },
      );
      const free = typeof extra === 'object' ? fc.dictionary(fc.string({ maxLength: 8 }), freeValue, { maxKeys: 3 }) : fc.constant({});
      const shaped = fc
        .tuple(fc.record(properties), free)
        .map(([value, more]) => ({ ...more, ...Object.fromEntries(Object.entries(value).filter(([, field]) => field !== ABSENT)) }));
      if (!context.hostile) return shaped;
      const unknownKey = fc
        .tuple(shaped, fc.constantFrom('extra', '__proto__', 'constructor', 'revison'), hostileValue)
        .map(([value, key, extra]) => ({ ...value, [key]: extra }));
      return fc.oneof({ weight: 15, arbitrary: shaped }, { weight: 1, arbitrary: unknownKey });
    }
    default:
      return hostileValue;
  }
}
