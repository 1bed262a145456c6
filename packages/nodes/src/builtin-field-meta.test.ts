import { configJsonSchema, readFieldMeta, schemaProperties, TicketStatsShape } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { builtinNodes } from './builtin-nodes';
import { EMPTY_STATS } from './sdk/node-context';
import { describeNodes } from './sdk/node-catalog';

/** The enum values a JSON Schema property offers: its own, its list items', or its alternatives'. */
function enumValues(schema: unknown): unknown[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { enum?: unknown[]; items?: unknown; anyOf?: unknown[] };
  return [...(s.enum ?? []), ...enumValues(s.items), ...(s.anyOf ?? []).flatMap(enumValues)];
}

describe('plain words in the built-in nodes', () => {
  it.each(builtinNodes.map((def) => [def.type, def] as const))(
    '%s: every field has a title in both languages and a label per choice',
    (_type, def) => {
      for (const [key, property] of Object.entries(schemaProperties(configJsonSchema(def.config)))) {
        if ((property as { const?: unknown }).const !== undefined) continue; // nothing to choose
        const meta = readFieldMeta(property);
        expect(meta, `${def.type}.${key}`).toBeDefined();
        expect(meta?.title.en, `${def.type}.${key}`).not.toBe('');
        expect(meta?.title['zh-CN'], `${def.type}.${key}`).toMatch(/\p{Script=Han}/u);
        for (const value of enumValues(property)) {
          const label = meta?.choices?.[String(value)];
          expect(label, `${def.type}.${key} = ${String(value)}`).toBeDefined();
        }
      }
    },
  );

  it('marks message templates, URLs, bodies and expressions as reading variables', () => {
    const marked = builtinNodes.flatMap((def) =>
      Object.entries(schemaProperties(configJsonSchema(def.config)))
        .filter(([, property]) => readFieldMeta(property)?.variables)
        .map(([key, property]) => `${def.type}.${key}:${readFieldMeta(property)?.variables}`),
    );
    expect(marked.sort()).toEqual([
      'expression.expression:expression',
      'http.body:template',
      'http.url:template',
      'notify.template:template',
      'reply.template:template',
      'reply.templateEn:template',
      'sla_policy.pauseWhen:expression',
      'sla_policy.stopWhen:expression',
    ]);
  });

  it('carries the metadata and declared outputs into the catalog', () => {
    const assign = describeNodes(builtinNodes).find((e) => e.type === 'assign');
    expect(readFieldMeta(schemaProperties(assign?.configSchema).strategy)?.choices?.least_loaded).toEqual({
      en: 'Least-loaded agent',
      'zh-CN': '负载最低的坐席',
    });
    expect(assign?.outputSchema).toMatchObject({ type: 'object', properties: { agent: {}, name: {} } });
    expect(describeNodes(builtinNodes).find((e) => e.type === 'http')?.outputSchema).toBeUndefined();
  });

  it('describes stats with the fields the host keeps', () => {
    expect(Object.keys(TicketStatsShape.shape).sort()).toEqual(Object.keys(EMPTY_STATS).sort());
  });
});
