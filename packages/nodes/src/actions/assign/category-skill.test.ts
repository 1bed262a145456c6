import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Roster } from '../../sdk/roster';
import { createTestContext, parseConfig } from '../../testing/node-test-context';
import { assign } from '../assign';

const roster: z.input<typeof Roster> = {
  groups: [{ id: 'tech', name: 'Tech' }],
  agents: [
    { id: 'generalist', name: 'G', groups: ['tech'], skills: ['app'], openTickets: 0 },
    { id: 'login-expert', name: 'L', groups: ['tech'], skills: ['fault/login_failure'], openTickets: 2 },
    { id: 'fault-expert', name: 'F', groups: ['tech'], skills: ['fault'], openTickets: 3 },
  ],
};
const login = { category: 'fault', subcategory: 'login_failure' };

const pick = async (input: z.input<typeof assign.config>, ticket: { category?: string | null; subcategory?: string | null }) =>
  (await assign.run(createTestContext({ roster, ticket }), parseConfig(assign, input))).patch?.assignee ?? null;

describe('assign: a skill keyed by the category path (issue 21 part 5)', () => {
  const base = { strategy: 'least_loaded' as const, group: 'tech' };

  it('is not used by default: the least loaded agent gets the ticket', async () => {
    expect(await pick(base, login)).toBe('generalist');
  });

  it('preferred: the agent with the skill fault/login_failure first, anyone who fits when none is free', async () => {
    expect(await pick({ ...base, categorySkill: 'preferred' }, login)).toBe('login-expert');
    expect(await pick({ ...base, categorySkill: 'preferred' }, { category: 'fault', subcategory: 'data_error' })).toBe('generalist');
  });

  it('a ticket without a level two is matched by its level one alone', async () => {
    expect(await pick({ ...base, categorySkill: 'required' }, { category: 'fault' })).toBe('fault-expert');
  });

  it('required: nobody with the skill leaves the ticket unassigned', async () => {
    expect(await pick({ ...base, categorySkill: 'required' }, { category: 'fault', subcategory: 'data_error' })).toBeNull();
  });
});
