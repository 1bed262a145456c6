import { describe, expect, it } from 'vitest';
import { variablesAt } from '@switchyard/flow';
import { expressionCompletions } from './expression-fields';

const labels = (text: string) => expressionCompletions(text).map((c) => c.label);

describe('expression completions', () => {
  it('offers ticket fields after "ticket."', () => {
    expect(labels('ticket.')).toEqual(expect.arrayContaining(['priority', 'channel', 'tags', 'customer', 'subject']));
    expect(labels('size(ticket.t')).toContain('tags');
  });

  it('offers customer fields and stats', () => {
    expect(labels('ticket.customer.')).toEqual(expect.arrayContaining(['tier', 'name']));
    expect(labels('stats.')).toEqual(['customerMessages', 'agentReplies', 'recentMessages', 'firstAgentReplyAt']);
  });

  it('offers the variables and functions elsewhere, and nothing after an unknown member', () => {
    expect(labels('')).toEqual(expect.arrayContaining(['ticket', 'stats', 'vars', 'size', 'true']));
    expect(labels('vars.lookup.')).toEqual([]);
  });

  it("offers an upstream node's declared output under vars.<id>.", () => {
    const roots = variablesAt(
      { nodes: [{ id: 'pick' }, { id: 'me' }], edges: [{ source: 'pick', target: 'me' }] },
      'me',
      (id) => ({
        id,
        title: { en: 'Pick', 'zh-CN': '分配' },
        output: { schema: { type: 'object', properties: { agent: { type: 'string' } } } },
      }),
      'expression',
    );
    expect(expressionCompletions('vars.', roots).map((c) => c.label)).toEqual(['pick']);
    expect(expressionCompletions('vars.pick.', roots).map((c) => c.label)).toEqual(['agent']);
  });
});
