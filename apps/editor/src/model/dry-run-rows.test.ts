import { CatalogEntry } from '@switchyard/api';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, describeNodes } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { timelineRows } from './dry-run-rows';

const catalog = new Map(describeNodes(builtinNodes).map((e) => [e.type, CatalogEntry.parse(e)]));
const doc = FlowDocument.parse({
  id: 'f',
  name: 'f',
  edges: [],
  nodes: [
    { id: 'raise', type: 'set_priority', label: '提为紧急', config: {} },
    { id: 'answer', type: 'reply', config: {} },
  ],
});
const createdAt = '2026-05-01T01:00:00.000Z';
const result = {
  ticketId: 't1',
  path: [],
  paths: {},
  final: {
    status: 'new' as const,
    priority: 'urgent' as const,
    category: null,
    subcategory: null,
    group: null,
    assignee: null,
    tags: [],
    flags: [],
  },
  actions: [
    { at: '2026-05-01T01:00:00.000Z', flow: 'f', node: 'raise', type: 'set_priority', params: { priority: 'urgent' } },
    { at: '2026-05-01T01:15:00.000Z', flow: 'f', node: 'answer', type: 'reply', params: { body: '您好', language: 'zh-CN' } },
    { at: '2026-05-01T01:20:00.000Z', flow: 'other', node: 'x', type: 'add_tag', params: { tag: 'vip' } },
  ],
  errors: [{ at: '2026-05-01T01:30:00.000Z', flow: 'f', node: 'answer', message: 'boom' }],
};

describe('the dry-run timeline as a table', () => {
  it('gives time, step by label and what it did, in Chinese', () => {
    expect(
      timelineRows(result, createdAt, 'f', doc, catalog, 'zh-CN').map((r) => [r.offset, r.flow ? `${r.flow} · ${r.step}` : r.step, r.what]),
    ).toEqual([
      ['+0', '提为紧急', '设置优先级：优先级：紧急'],
      ['+15m', '回复客户', '回复客户：“您好”'],
      ['+20m', 'other · 添加标签', '添加标签：标签：vip'],
      ['+30m', '回复客户', '出错停止：boom'],
    ]);
  });

  it('and in English', () => {
    expect(timelineRows(result, createdAt, 'f', doc, catalog, 'en')[0]?.what).toBe('Set priority: Priority: Urgent');
  });
});
