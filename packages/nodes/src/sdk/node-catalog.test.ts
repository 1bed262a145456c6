import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinNodes } from '../builtin-nodes';
import { defineNode } from './define-node';
import { describeNodes } from './node-catalog';

describe('describeNodes', () => {
  const catalog = describeNodes(builtinNodes);
  const entry = (type: string) => catalog.find((n) => n.type === type);

  it('describes every built-in with both titles and a JSON Schema config', () => {
    expect(catalog).toHaveLength(builtinNodes.length);
    for (const node of catalog) {
      expect(node.title.en, node.type).not.toBe('');
      expect(node.title['zh-CN'], node.type).not.toBe('');
      expect(node.configSchema, node.type).toMatchObject({ type: 'object' });
    }
  });

  it('gives the ports the editor draws for each kind', () => {
    expect(entry('text_contains')?.ports).toEqual(['true', 'false']);
    expect(entry('assign')?.ports).toEqual(['next', 'error']);
    expect(entry('wait_for_event')?.ports).toEqual(['event', 'timeout']);
    expect(entry('delay')?.ports).toEqual(['next']);
    expect(entry('end')?.ports).toEqual([]);
  });

  it('lists the secrets a node declares by name, with whether each is set when the host says', () => {
    const keyed = defineNode({
      type: 'acme.refund',
      kind: 'action',
      sideEffect: true,
      secrets: ['ACME_KEY', 'ACME_OTHER'],
      title: { en: 'R', 'zh-CN': '退' },
      config: z.strictObject({}),
      run: () => ({}),
    });
    expect(describeNodes([keyed])[0]?.secrets).toEqual([{ name: 'ACME_KEY' }, { name: 'ACME_OTHER' }]);
    expect(describeNodes([keyed], { secretIsSet: (name) => name === 'ACME_KEY' })[0]?.secrets).toEqual([
      { name: 'ACME_KEY', set: true },
      { name: 'ACME_OTHER', set: false },
    ]);
    expect(entry('assign')?.secrets).toEqual([]);
  });

  it('marks actions that reach outside', () => {
    expect(entry('http')?.sideEffect).toBe(true);
    expect(entry('set_priority')?.sideEffect).toBe(false);
  });
});

describe('built-in node descriptions', () => {
  it('describe every built-in in both languages, for the palette and the inspector', () => {
    for (const node of describeNodes(builtinNodes)) {
      expect(node.description?.en, node.type).toBeTruthy();
      expect(node.description?.['zh-CN'], node.type).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
