import { EMPTY_ROSTER, Roster } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun } from '../index';

// Issue 18 ("Why: the trace"): a dry-run asked to explain reports what the durable runtime audits.
describe('dryRun: explain', () => {
  const route = compileFixture(
    'route',
    {
      start: 'ticket_created',
      isLogistics: ['field_compare', { field: 'category', op: 'eq', value: 'logistics' }],
      urgent: ['text_contains', { keywords: ['紧急', 'urgent'] }],
      yes: ['add_tag', { tag: 'urgent_logistics' }],
      no: ['add_tag', { tag: 'other' }],
    },
    ['start -> isLogistics', 'isLogistics.true -> urgent', 'isLogistics.false -> no', 'urgent.true -> yes', 'urgent.false -> no'],
  );
  const ticket = fixtureTicket('t1', { category: 'logistics', subject: '快递 URGENT 请处理' });

  it('names each condition passed, in path order, with its answer and the values behind it', async () => {
    const [result] = await dryRun([route], [ticket], { registry: builtinRegistry, roster: EMPTY_ROSTER, explain: true });
    expect(result?.decisions).toEqual([
      {
        at: virtualTime('0'),
        flow: 'route',
        node: 'isLogistics',
        answer: 'true',
        inputs: { field: 'category', actual: 'logistics', op: 'eq', expected: 'logistics' },
      },
      { at: virtualTime('0'), flow: 'route', node: 'urgent', answer: 'true', inputs: { source: 'ticket', keyword: 'urgent' } },
    ]);
    // Every condition on the path has its decision.
    expect(result?.decisions?.map((d) => d.node)).toEqual(result?.path.filter((n) => n === 'isLogistics' || n === 'urgent'));
  });

  it('records nothing unless asked: the contract output is unchanged', async () => {
    const [result] = await dryRun([route], [ticket], { registry: builtinRegistry, roster: EMPTY_ROSTER });
    expect(result).not.toHaveProperty('decisions');
    expect(result?.actions.every((a) => a.inputs === undefined)).toBe(true);
  });

  it("gives an assignment's candidates and why each was passed over", async () => {
    const assign = compileFixture(
      'assign',
      { start: 'ticket_created', pick: ['assign', { strategy: 'least_loaded', group: 'g', skill: 'returns' }] },
      ['start -> pick'],
    );
    const roster = Roster.parse({
      agents: [
        { id: 'a', name: 'A', groups: ['g'], skills: ['returns'], openTickets: 2 },
        { id: 'b', name: 'B', groups: ['g'], skills: ['returns'], openTickets: 1 },
        { id: 'c', name: 'C', groups: ['g'], openTickets: 0 },
      ],
    });
    const [result] = await dryRun([assign], [fixtureTicket('t2')], { registry: builtinRegistry, roster, explain: true });
    expect(result?.actions[0]?.params).toMatchObject({ agent: 'b' });
    expect(result?.actions[0]?.inputs).toMatchObject({
      strategy: 'least_loaded',
      candidates: [
        { agent: 'a', open: 2, passedOver: 'more_load' },
        { agent: 'b', open: 1 },
        { agent: 'c', open: 0, passedOver: 'no_skill' },
      ],
    });
  });
});
