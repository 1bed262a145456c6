import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic } from './diagnostic';
import { bilingual, translateMessage } from './localized-message';
import type { NodeCatalog } from './node-kind';
import { validateFlow } from './validate-flow';

const catalog: NodeCatalog = {
  get: (type) =>
    type === 'start'
      ? { type, kind: 'trigger', config: z.strictObject({}), ports: () => ['next'] }
      : type === 'tag'
        ? {
            type,
            kind: 'action',
            config: z.strictObject({ tag: z.string().min(1, bilingual('name the tag', '请填写标签')), weight: z.number().optional() }),
            ports: () => ['next', 'error'],
          }
        : undefined,
};

const flow = (config: Record<string, unknown>) => ({
  id: 'f',
  name: 'f',
  nodes: [
    { id: 's', type: 'start' },
    { id: 'a', type: 'tag', config },
  ],
  edges: [{ id: 'e1', source: 's', target: 'a' }],
});

describe('bilingual validation messages', () => {
  it('gives the Chinese of a registered custom message, and the message itself otherwise', () => {
    expect(translateMessage(bilingual('pick a group', '请选择处理组'), 'zh-CN')).toBe('请选择处理组');
    expect(translateMessage('pick a group', 'en')).toBe('pick a group');
    expect(translateMessage('never registered', 'zh-CN')).toBe('never registered');
  });

  it('reports config problems in both languages: custom messages and zod checks alike', () => {
    const { diagnostics } = validateFlow(flow({ tag: '', weight: 'heavy' }), catalog);
    const at = (field: string): Diagnostic => {
      const found = diagnostics.find((d) => d.field === field);
      if (!found) throw new Error(`no diagnostic for ${field}`);
      return found;
    };
    expect(formatDiagnostic(at('config.tag'), 'en')).toContain('name the tag');
    expect(formatDiagnostic(at('config.tag'), 'zh-CN')).toContain('请填写标签');
    expect(formatDiagnostic(at('config.weight'), 'zh-CN')).toMatch(/无效输入/);
    expect(formatDiagnostic(at('config.weight'), 'zh-CN')).toContain('节点 a');
  });

  it('reports document problems in Chinese too', () => {
    const { diagnostics } = validateFlow({ ...flow({ tag: 'x' }), id: 'has space' }, catalog);
    expect(diagnostics.map((d) => formatDiagnostic(d, 'zh-CN'))).toContainEqual(expect.stringContaining('只能使用字母、数字'));
  });
});
