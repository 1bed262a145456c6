import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinNodes } from '../builtin-nodes';
import { defineNode, type NodeDefinition } from './define-node';
import { createNodeRegistry } from './node-registry';

const title = { en: 'Suspend billing', 'zh-CN': '暂停计费' };
const suspendV1 = defineNode({
  type: 'billing.suspend',
  kind: 'action',
  title,
  config: z.strictObject({ days: z.number().int().default(7) }),
  run: () => ({}),
});
const suspendV2 = defineNode({
  type: 'billing.suspend',
  kind: 'action',
  version: 2,
  title,
  config: z.strictObject({ until: z.iso.date() }),
  run: () => ({}),
});

describe('createNodeRegistry', () => {
  it('registers every built-in node', () => {
    const registry = createNodeRegistry(builtinNodes);
    expect(registry.list().map((n) => n.type)).toEqual(builtinNodes.map((n) => n.type));
    expect(registry.get('text_contains')?.kind).toBe('condition');
    expect(registry.get('no_such_node')).toBeUndefined();
  });

  it('refuses the same type and version twice, naming the type', () => {
    const again = defineNode({ type: 'billing.suspend', kind: 'action', title, config: z.strictObject({}), run: () => ({}) });
    expect(() => createNodeRegistry([suspendV1, again])).toThrow('node type "billing.suspend" version 1 is registered twice');
  });

  it('refuses a custom node that takes a built-in name', () => {
    const reply = defineNode({ type: 'reply', kind: 'action', title, config: z.strictObject({}), run: () => ({}) });
    expect(() => createNodeRegistry([...builtinNodes, reply])).toThrow('"reply"');
  });

  it('keeps every version: get() gives the newest or the one asked for', () => {
    const registry = createNodeRegistry([suspendV2, suspendV1]);
    expect(registry.get('billing.suspend')).toBe(suspendV2);
    expect(registry.get('billing.suspend', 1)).toBe(suspendV1);
    expect(registry.get('billing.suspend', 3)).toBeUndefined();
    expect(registry.list()).toEqual([suspendV2]);
    expect(registry.all()).toEqual([suspendV1, suspendV2]);
  });

  describe('malformed definitions (custom nodes written in JavaScript, or built without defineNode)', () => {
    it('refuses a bad type name (bug: only defineNode checked it, a spread definition slipped through)', () => {
      const renamed: NodeDefinition = { ...suspendV1, type: 'Billing Suspend' };
      expect(() => createNodeRegistry([renamed])).toThrow('node type "Billing Suspend"');
    });

    it('refuses a title without zh-CN', () => {
      // @ts-expect-error: the title needs both languages
      const untitled = defineNode({ type: 'untitled', kind: 'end', title: { en: 'Untitled' }, config: z.strictObject({}) });
      expect(() => createNodeRegistry([untitled])).toThrow('node type "untitled": title needs both "en" and "zh-CN"');
    });

    it('refuses an action without run()', () => {
      // @ts-expect-error: an action needs run
      const idle = defineNode({ type: 'idle', kind: 'action', title, config: z.strictObject({}) });
      expect(() => createNodeRegistry([idle])).toThrow('node type "idle": an action needs run()');
    });

    it('refuses a condition without evaluate() and a wait without delayMs()', () => {
      // @ts-expect-error: a condition needs evaluate
      const blind = defineNode({ type: 'blind', kind: 'condition', title, config: z.strictObject({}) });
      // @ts-expect-error: a wait needs delayMs
      const forever = defineNode({ type: 'forever', kind: 'wait', title, config: z.strictObject({}) });
      expect(() => createNodeRegistry([blind])).toThrow('a condition needs evaluate()');
      expect(() => createNodeRegistry([forever])).toThrow('a wait needs delayMs()');
    });

    it('refuses a config that is not a zod schema', () => {
      // @ts-expect-error: config must be a zod schema
      const plain = defineNode({ type: 'plain', kind: 'end', title, config: { days: 7 } });
      expect(() => createNodeRegistry([plain])).toThrow('node type "plain": config must be a zod schema');
    });
  });
});
