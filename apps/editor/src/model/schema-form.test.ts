import { describe, expect, it } from 'vitest';
import { configFields, formatLooseValue, parseLooseValue } from './schema-form';

const schemaOf = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });

describe('configFields', () => {
  it('makes keyword lists chips and enums selects', () => {
    const fields = configFields(
      schemaOf(
        {
          source: { default: 'ticket', type: 'string', enum: ['ticket', 'subject', 'body', 'message'] },
          keywords: { minItems: 1, type: 'array', items: { type: 'string', minLength: 1 } },
        },
        ['keywords'],
      ),
    );
    expect(fields).toEqual([
      { key: 'source', required: false, widget: 'enum', options: ['ticket', 'subject', 'body', 'message'], default: 'ticket' },
      { key: 'keywords', required: true, widget: 'chips' },
    ]);
  });

  it('recognises durations, expressions, roster pickers and long text', () => {
    const fields = configFields(
      schemaOf({
        duration: { type: 'string' },
        expression: { type: 'string', minLength: 1 },
        group: { type: 'string' },
        agent: { type: 'string' },
        skill: { type: 'string' },
        template: { type: 'string', maxLength: 4000 },
        url: { type: 'string' },
      }),
    );
    expect(fields.map((f) => [f.key, f.widget])).toEqual([
      ['duration', 'duration'],
      ['expression', 'expression'],
      ['group', 'group'],
      ['agent', 'agent'],
      ['skill', 'skill'],
      ['template', 'textarea'],
      ['url', 'text'],
    ]);
  });

  it('reads numbers with bounds, multi-selects and raw JSON', () => {
    const fields = configFields(
      schemaOf({
        times: { default: 3, type: 'integer', minimum: 2, maximum: 10 },
        count: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
        channels: { type: 'array', items: { type: 'string', enum: ['chat', 'email'] } },
        status: {
          anyOf: [
            { type: 'string', enum: ['new', 'closed'] },
            { type: 'array', items: { type: 'string', enum: ['new', 'closed'] } },
          ],
        },
        days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } },
        value: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] },
        sampleResponse: {},
        scale: { type: 'number', const: 5 },
      }),
    );
    expect(fields.find((f) => f.key === 'times')).toMatchObject({ widget: 'number', integer: true, minimum: 2, maximum: 10, default: 3 });
    expect(fields.find((f) => f.key === 'count')).not.toHaveProperty('maximum');
    expect(fields.find((f) => f.key === 'channels')).toMatchObject({ widget: 'multi-enum', options: ['chat', 'email'] });
    expect(fields.find((f) => f.key === 'status')).toMatchObject({ widget: 'multi-enum', options: ['new', 'closed'] });
    expect(fields.find((f) => f.key === 'days')).toMatchObject({ widget: 'number-chips', minimum: 1, maximum: 7 });
    expect(fields.find((f) => f.key === 'value')!.widget).toBe('scalar-or-list');
    expect(fields.find((f) => f.key === 'sampleResponse')!.widget).toBe('json');
    expect(fields.find((f) => f.key === 'scale')).toBeUndefined();
  });

  it('copes with a schema that is not one', () => {
    expect(configFields(null)).toEqual([]);
    expect(configFields({ type: 'object' })).toEqual([]);
  });
});

describe('loose values', () => {
  it('parses numbers, booleans, lists and text', () => {
    expect(parseLooseValue('42')).toBe(42);
    expect(parseLooseValue('true')).toBe(true);
    expect(parseLooseValue('vip, standard')).toEqual(['vip', 'standard']);
    expect(parseLooseValue('["a","b"]')).toEqual(['a', 'b']);
    expect(parseLooseValue('logistics')).toBe('logistics');
    expect(parseLooseValue('  ')).toBeUndefined();
    expect(formatLooseValue(['a', 'b'])).toBe('a, b');
  });
});
