import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Roster } from '../sdk/roster';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { assign } from './assign';

const roster: z.input<typeof Roster> = {
  groups: [{ id: 'after_sales', name: 'After-sales', nameZh: '售后' }],
  agents: [
    { id: 'a-li', name: '李雷', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 4 },
    { id: 'a-han', name: '韩梅梅', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 2 },
    { id: 'a-wang', name: '王芳', groups: ['after_sales'], skills: ['returns'], seniority: 'junior', openTickets: 0 },
    { id: 'a-zhao', name: '赵强', groups: ['after_sales'], skills: [], seniority: 'mid', openTickets: 1 },
    { id: 'a-off', name: '离线', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 0, online: false },
    { id: 't-chen', name: '陈晨', groups: ['tech_support'], skills: ['returns'], seniority: 'senior', openTickets: 0 },
  ],
};

const run = async (input: z.input<typeof assign.config>, options: Parameters<typeof createTestContext>[0] = {}) =>
  assign.run(createTestContext({ roster, ...options }), parseConfig(assign, input));

describe('assign', () => {
  it('assigns a fixed group and agent', async () => {
    expect(await run({ group: 'finance', agent: 'a-qian' })).toEqual({
      params: { group: 'finance', agent: 'a-qian' },
      patch: { group: 'finance', assignee: 'a-qian' },
    });
  });

  it('assigns a fixed group alone without touching the assignee', async () => {
    const result = await run({ group: 'logistics' }, { ticket: { assignee: 'a-li' } });
    expect(result.patch).toEqual({ group: 'logistics' });
  });

  it('needs a group or an agent for a fixed assignment', () => {
    const result = assign.config.safeParse({});
    expect(result.error?.issues).toMatchObject([{ path: ['group'], message: 'a fixed assignment names a group or an agent' }]);
  });

  it('picks the least-loaded online senior with the skill and room for more (the VIP after-sales rule)', async () => {
    const result = await run({ group: 'after_sales', strategy: 'least_loaded', skill: 'returns', seniority: 'senior', maxOpen: 3 });
    expect(result.params).toEqual({ group: 'after_sales', agent: 'a-han' });
    expect(result.patch).toEqual({ group: 'after_sales', assignee: 'a-han' });
    expect(result.output).toEqual({ agent: 'a-han', name: '韩梅梅' });
  });

  it('skips offline agents even when they are the least loaded', async () => {
    const result = await run({ group: 'after_sales', strategy: 'least_loaded', skill: 'returns', seniority: 'senior' });
    expect(result.patch?.assignee).toBe('a-han');
  });

  it('falls back to the least-loaded agent of the group when nobody matches', async () => {
    const result = await run({
      group: 'after_sales',
      strategy: 'least_loaded',
      skill: 'returns',
      seniority: 'senior',
      maxOpen: 2,
      fallback: 'group_least_loaded',
    });
    expect(result.patch).toEqual({ group: 'after_sales', assignee: 'a-wang' });
  });

  it('assigns nobody, with a reason, when nobody matches and there is no fallback', async () => {
    const result = await run({ group: 'after_sales', strategy: 'least_loaded', skill: 'returns', seniority: 'senior', maxOpen: 2 });
    expect(result.params).toEqual({ group: 'after_sales', agent: null, reason: 'no agent available' });
    expect(result.patch).toEqual({ group: 'after_sales' });
    expect(result.output).toEqual({ agent: null });
  });

  it('uses the ticket group when the node names none', async () => {
    const result = await run({ strategy: 'least_loaded' }, { ticket: { group: 'tech_support' } });
    expect(result.patch).toEqual({ group: 'tech_support', assignee: 't-chen' });
  });

  it('breaks ties by the lower agent id, whatever the roster order', async () => {
    const tied: z.input<typeof Roster> = {
      agents: [
        { id: 'b-2', name: 'B', groups: ['g'], openTickets: 1 },
        { id: 'a-9', name: 'A', groups: ['g'], openTickets: 1 },
        { id: 'c-1', name: 'C', groups: ['g'], openTickets: 1 },
      ],
    };
    const result = await run({ group: 'g', strategy: 'least_loaded' }, { roster: tied });
    expect(result.patch?.assignee).toBe('a-9');
  });
});
