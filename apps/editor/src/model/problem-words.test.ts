import { CatalogEntry } from '@switchyard/api';
import { FlowDocument, validateFlow } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, describeNodes } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { describeProblem, problemNames } from './problem-words';

const catalog = new Map(describeNodes(builtinNodes).map((e) => [e.type, CatalogEntry.parse(e)]));
const doc = FlowDocument.parse({
  id: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'kw', type: 'text_contains', label: '提到物流', config: {} },
    { id: 'greet', type: 'reply', label: '问候', config: { template: '{{customer.name}} 您好' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'kw' },
    { id: 'e2', source: 'kw', sourceHandle: 'true', target: 'greet' },
  ],
});

describe('problems in plain words', () => {
  const { diagnostics } = validateFlow(doc, createNodeRegistry(builtinNodes));
  const texts = (locale: 'en' | 'zh-CN') => diagnostics.map((d) => describeProblem(d, problemNames(doc, catalog, locale)));

  it('names the node by its label and the field by its title, with the fix, in Chinese', () => {
    expect(texts('zh-CN')).toEqual(
      expect.arrayContaining([
        '「提到物流」：请填写「关键词」',
        '「问候」的「回复内容」：没有变量 customer.name，是否要写 ticket.customer.name？',
      ]),
    );
    expect(texts('zh-CN').join('\n')).not.toMatch(/config\.|keywords|Invalid input/);
  });

  it('and in English', () => {
    expect(texts('en')).toEqual(
      expect.arrayContaining([
        '“提到物流”: fill in “Keywords”',
        '"问候", Message: there is no variable customer.name; did you mean ticket.customer.name?',
      ]),
    );
  });
});
