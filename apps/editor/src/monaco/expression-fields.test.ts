import { describe, expect, it } from 'vitest';
import { expressionCompletions } from './expression-fields';

const labels = (text: string) => expressionCompletions(text).map((c) => c.label);

describe('expression completions', () => {
  it('offers ticket fields after "ticket."', () => {
    expect(labels('ticket.')).toEqual(expect.arrayContaining(['priority', 'channel', 'tags', 'customer', 'subject']));
    expect(labels('size(ticket.t')).toContain('tags');
  });

  it('offers customer fields and stats', () => {
    expect(labels('ticket.customer.')).toEqual(expect.arrayContaining(['tier', 'name']));
    expect(labels('stats.')).toEqual(['customerMessages', 'agentReplies', 'recentMessages']);
  });

  it('offers the variables and functions elsewhere, and nothing after an unknown member', () => {
    expect(labels('')).toEqual(expect.arrayContaining(['ticket', 'stats', 'vars', 'size', 'true']));
    expect(labels('vars.lookup.')).toEqual([]);
  });
});
