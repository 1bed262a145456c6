import { beforeAll, describe, expect, it } from 'vitest';
import { RuntimeInputError } from '../errors';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext, insertTickets } from './__fixtures__/catalog-context';
import { listAgents, listGroups, loadRoster, upsertAgent, upsertGroup } from './index';

describe.each(testDatabases)('the roster on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(() => {
    ctx = catalogContext(store);
  });

  it('saves groups and agents, replacing by id, and audits each change', async () => {
    await upsertGroup(ctx, { id: 'after_sales', name: 'After-sales', nameZh: '售后组' }, 'alice');
    await upsertGroup(ctx, { id: 'logistics', name: 'Logistics' }, 'alice');
    await upsertGroup(ctx, { id: 'logistics', name: 'Logistics & delivery' }, 'alice');
    expect(await listGroups(ctx.db)).toEqual([
      { id: 'after_sales', name: 'After-sales', nameZh: '售后组' },
      { id: 'logistics', name: 'Logistics & delivery' },
    ]);

    await upsertAgent(ctx, { id: 'li-na', name: '李娜', groups: ['after_sales'], skills: ['returns'], seniority: 'senior' }, 'alice');
    const saved = await upsertAgent(
      ctx,
      { id: 'li-na', name: '李娜', groups: ['after_sales', 'logistics'], skills: ['returns'], seniority: 'senior' },
      'bob',
    );
    expect(saved).toEqual({
      id: 'li-na',
      name: '李娜',
      groups: ['after_sales', 'logistics'],
      skills: ['returns'],
      seniority: 'senior',
      openTickets: 0,
      online: true,
      status: 'online',
      supervisor: false,
    });
    const audit = await store.db.selectFrom('audit_log').select(['kind', 'actor']).orderBy('id').execute();
    expect(audit.map((a) => `${a.kind} by ${a.actor}`)).toEqual([
      'group.saved by alice',
      'group.saved by alice',
      'group.saved by alice',
      'agent.saved by alice',
      'agent.saved by bob',
    ]);
  });

  it('refuses an agent in an unknown group or with a bad field, naming it, and writes nothing', async () => {
    const bad = await upsertAgent(ctx, { id: 'zhao', name: '赵', groups: ['logistics', 'nowhere'] }, 'alice').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(RuntimeInputError);
    expect(bad).toMatchObject({ status: 400, details: [{ path: 'groups.1', message: 'no group "nowhere"' }] });
    const malformed = await upsertAgent(ctx, { id: 'zhao', name: '赵', seniority: 'boss' }, 'alice').catch((e: unknown) => e);
    expect(malformed).toMatchObject({ status: 400, details: [expect.objectContaining({ path: 'seniority' })] });
    expect((await listAgents(ctx.db)).map((a) => a.id)).toEqual(['li-na']);
  });

  it('counts open tickets (new or processing) per agent instead of storing them', async () => {
    await upsertAgent(ctx, { id: 'wang', name: '王', groups: ['after_sales'], skills: ['returns'], openTickets: 99 }, 'alice');
    await insertTickets(store, [
      { id: 't1', status: 'new', assignee: 'li-na' },
      { id: 't2', status: 'processing', assignee: 'li-na' },
      { id: 't3', status: 'resolved', assignee: 'li-na' },
      { id: 't4', status: 'closed', assignee: 'wang' },
      { id: 't5', status: 'processing', assignee: 'wang' },
      { id: 't6', status: 'new', assignee: null },
    ]);
    const roster = await loadRoster(ctx.db);
    expect(roster.agents.map((a) => [a.id, a.openTickets])).toEqual([
      ['li-na', 2],
      ['wang', 1],
    ]);
    expect(roster.groups.map((g) => g.id)).toEqual(['after_sales', 'logistics']);
  });
});
