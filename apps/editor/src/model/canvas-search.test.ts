import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { configTexts, searchNodes } from './canvas-search';

const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [
    { id: 'start', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    {
      id: 'is-logistics',
      type: 'text_contains',
      label: '物流问题? Logistics?',
      config: { keywords: ['快递', '包裹'] },
      position: { x: 0, y: 0 },
    },
    { id: 'escalate', type: 'escalate', label: '升级主管 Escalate', config: { level: 2 }, position: { x: 0, y: 0 } },
    {
      id: 'reply',
      type: 'send_reply',
      config: { templateZh: '您的包裹已发出', templateEn: 'Your VIP parcel left' },
      position: { x: 0, y: 0 },
    },
  ],
  edges: [],
};
const titleOf = (node: FlowDocument['nodes'][number]) => node.label ?? node.type;
const ids = (query: string) => searchNodes(doc, query, titleOf).map((h) => h.id);

describe('canvas search', () => {
  it('finds a node by its label, in Chinese or English, ignoring case', () => {
    expect(ids('升级')).toEqual(['escalate']);
    expect(ids('logistics')).toEqual(['is-logistics']);
    expect(ids('ESCALATE')).toEqual(['escalate']);
  });

  it('finds a node by its config text, label matches first', () => {
    expect(ids('包裹')).toEqual(['is-logistics', 'reply']);
    const hit = searchNodes(doc, '已发出', titleOf)[0];
    expect(hit).toMatchObject({ id: 'reply', matched: 'config', excerpt: '您的包裹已发出' });
    expect(ids('问题')).toEqual(['is-logistics']);
  });

  it('matches every word, full-width letters as ASCII, and nothing for a blank query', () => {
    expect(ids('ＶＩＰ parcel')).toEqual(['reply']);
    expect(ids('vip 快递')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('reads strings and numbers out of nested config', () => {
    expect(configTexts({ a: ['x', { b: 2 }], c: true, d: null })).toEqual(['x', '2', 'true']);
  });
});
