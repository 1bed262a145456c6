import type { DryRunResult } from '@switchyard/runtime';
import { describe, expect, it } from 'vitest';
import { checkExpectation, offsetMs } from './check-expectation';
import { Expectation } from './expectation';

const createdAt = Date.parse('2026-01-05T09:00:00+08:00');
const at = (minutes: number) => new Date(createdAt + minutes * 60_000).toISOString();

const result: DryRunResult = {
  ticketId: 't1',
  path: ['ic-trigger', 'ic-set-fault', 'sla-wait-10m', 'sla-notify-group'],
  actions: [
    { at: at(0), flow: 'intake-classify', node: 'ic-set-fault', type: 'set_category', params: { category: 'fault' } },
    {
      at: at(10),
      flow: 'sla-first-response',
      node: 'sla-notify-group',
      type: 'notify',
      params: { to: 'group', body: '工单 GD1 已创建 10 分钟' },
    },
    { at: at(240), flow: 'sla-first-response', node: 'sla-escalate', type: 'escalate', params: { level: 1, to: 'supervisor' } },
  ],
  final: {
    status: 'new',
    priority: 'normal',
    category: 'fault',
    subcategory: null,
    group: 'tech_support',
    assignee: null,
    tags: ['a', 'b'],
    flags: [],
  },
  errors: [],
  paths: {},
};

const check = (expectation: unknown) => checkExpectation(result, Expectation.parse(expectation), createdAt);

describe('checkExpectation', () => {
  it('accepts a result that matches: final fields, ordered actions with times and partial params, tags in any order', () => {
    expect(
      check({
        final: { category: 'fault', assignee: null, tags: ['b', 'a'] },
        actions: [
          { type: 'set_category', at: '+0', params: { category: 'fault' } },
          { type: 'notify', flow: 'sla-first-response', at: '+10m', bodyIncludes: ['GD1'] },
          { type: 'escalate', at: '+4h', params: { level: 1 } },
        ],
        absent: ['survey', { type: 'escalate', params: { level: 2 } }],
        visits: ['sla-notify-group'],
        avoids: ['sla-notify-assignee'],
      }),
    ).toEqual([]);
  });

  it('reports each mismatch', () => {
    const problems = check({
      final: { category: 'logistics', tags: ['a'] },
      actions: [{ type: 'notify', at: '+11m' }],
      absent: ['escalate'],
      visits: ['ar-reply-guide'],
      avoids: ['ic-trigger'],
      errors: 1,
    });
    expect(problems).toHaveLength(7);
    expect(problems[0]).toBe('final.category: expected "logistics", got "fault"');
    expect(problems.join('\n')).toMatch(/missing action notify at=\+11m/);
  });

  it('requires expected actions in order', () => {
    const problems = check({ actions: [{ type: 'escalate' }, { type: 'notify' }] });
    expect(problems).toEqual([expect.stringMatching(/^missing action notify after the previous expected one/)]);
  });

  it('expects no errors unless told', () => {
    const failed = { ...result, errors: [{ at: at(0), flow: 'f', message: 'boom' }] };
    expect(checkExpectation(failed, Expectation.parse({}), createdAt)).toEqual(['expected 0 error(s), got 1: boom']);
  });

  it('reads offsets, "+0" included', () => {
    expect(offsetMs('+0')).toBe(0);
    expect(offsetMs('+90m')).toBe(90 * 60_000);
    expect(Expectation.safeParse({ actions: [{ type: 'reply', at: '10m' }] }).success).toBe(false);
  });

  it('reads compound offsets, as people write "24 h after the 15 min auto-resolve"', () => {
    expect(offsetMs('+24h15m')).toBe((24 * 60 + 15) * 60_000);
    expect(Expectation.safeParse({ actions: [{ type: 'survey', at: '+24h15m' }] }).success).toBe(true);
    expect(Expectation.safeParse({ actions: [{ type: 'survey', at: '+24h15' }] }).success).toBe(false);
  });
});
