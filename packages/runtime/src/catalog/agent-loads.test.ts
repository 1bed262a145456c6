import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext, insertTickets } from './__fixtures__/catalog-context';
import { listAgents, setAgentStatus, upsertAgent, upsertGroup } from './index';

/* Issue 21: loads are kept as tickets open, move and close (triggers, same transaction), not counted per decision. */
describe.each(testDatabases)('agent loads and presence on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  const loads = async () => Object.fromEntries((await listAgents(ctx.db)).map((a) => [a.id, [a.openTickets, a.lastRouted ?? 0]]));
  beforeAll(async () => {
    ctx = catalogContext(store);
    await upsertGroup(ctx, { id: 'g', name: 'G' }, 'alice');
    for (const id of ['a', 'b']) await upsertAgent(ctx, { id, name: id.toUpperCase(), groups: ['g'], capacity: 3 }, 'alice');
  });

  it('counts a ticket when it is assigned open, and gives the agent the latest routing turn', async () => {
    await insertTickets(store, [
      { id: 't1', status: 'new', assignee: 'a' },
      { id: 't2', status: 'processing', assignee: 'b' },
      { id: 't3', status: 'resolved', assignee: 'a' },
    ]);
    const after = await loads();
    expect([after.a?.[0], after.b?.[0]]).toEqual([1, 1]);
    expect(after.b?.[1]).toBeGreaterThan(after.a?.[1] ?? 0);
  });

  it('moves the load with a reassignment and drops it when the ticket is resolved, reopened counts again', async () => {
    const update = (id: string, set: { assignee?: string | null; status?: string }) =>
      store.db.updateTable('tickets').set(set).where('id', '=', id).execute();
    await update('t1', { assignee: 'b' });
    expect((await loads()).a?.[0]).toBe(0);
    expect((await loads()).b?.[0]).toBe(2);
    await update('t2', { status: 'resolved' });
    expect((await loads()).b?.[0]).toBe(1);
    await update('t2', { status: 'processing' });
    expect((await loads()).b?.[0]).toBe(2);
    // A change of another field moves nothing and takes no turn.
    const turn = (await loads()).b?.[1];
    await store.db.updateTable('tickets').set({ priority: 'urgent' }).execute();
    expect((await loads()).b).toEqual([2, turn]);
  });

  it('follows a statement that changes many tickets at once, and a delete', async () => {
    await store.db.updateTable('tickets').set({ assignee: 'a', status: 'new' }).execute();
    expect(Object.values(await loads()).map((l) => l[0])).toEqual([3, 0]);
    await store.db.deleteFrom('tickets').where('id', '=', 't3').execute();
    expect((await loads()).a?.[0]).toBe(2);
  });

  it('counts only tickets being worked: pending (waiting on the customer) weighs nothing until worked again', async () => {
    const update = (id: string, set: { assignee?: string | null; status?: string }) =>
      store.db.updateTable('tickets').set(set).where('id', '=', id).execute();
    const before = (await loads()).a?.[0] ?? 0;
    await insertTickets(store, [{ id: 'p1', status: 'pending', assignee: 'a' }]);
    expect((await loads()).a?.[0]).toBe(before);
    await update('p1', { status: 'processing' });
    expect((await loads()).a?.[0]).toBe(before + 1);
    await update('p1', { status: 'pending' });
    expect((await loads()).a?.[0]).toBe(before);
    // Handed over while pending: neither agent carries it; worked again, its new agent does.
    await update('p1', { assignee: 'b' });
    expect((await loads()).a?.[0]).toBe(before);
    const b = (await loads()).b?.[0] ?? 0;
    await update('p1', { status: 'processing' });
    expect((await loads()).b?.[0]).toBe(b + 1);
    await update('p1', { status: 'pending' });
  });

  it('keeps a routing turn per group: an agent of two groups takes a turn in the group of the ticket only (issue 21)', async () => {
    await upsertGroup(ctx, { id: 'h', name: 'H' }, 'alice');
    await upsertAgent(ctx, { id: 'a', name: 'A', groups: ['g', 'h'], capacity: 3 }, 'alice');
    const turns = async () => Object.fromEntries((await listAgents(ctx.db)).map((a) => [a.id, a.groupTurns ?? {}]));
    await insertTickets(store, [{ id: 'gt1', status: 'new', assignee: 'a', group: 'g' }]);
    const first = await turns();
    expect(Object.keys(first.a ?? {})).toEqual(['g']);
    await insertTickets(store, [{ id: 'gt2', status: 'new', assignee: 'b', group: 'h' }]);
    const second = await turns();
    expect(second.a).toEqual(first.a);
    expect(second.b?.h).toBeGreaterThan(first.a?.g ?? 0);
    // Handed from b to a in h: a's turn in h is taken, its turn in g stays.
    await store.db.updateTable('tickets').set({ assignee: 'a' }).where('id', '=', 'gt2').execute();
    const third = await turns();
    expect(third.a?.g).toBe(first.a?.g);
    expect(third.a?.h).toBeGreaterThan(second.b?.h ?? 0);
    // A ticket given while pending takes no turn (it is not being worked).
    await insertTickets(store, [{ id: 'gt3', status: 'pending', assignee: 'b', group: 'g' }]);
    expect((await turns()).b?.g).toBeUndefined();
    await store.db.deleteFrom('tickets').where('id', 'in', ['gt1', 'gt2', 'gt3']).execute();
  });

  it('keeps the same counts a recount gives', async () => {
    const { rows } = await sql<{ assignee: string; open: string }>`
      select assignee, count(*) as open from tickets where status in ('new', 'processing') and assignee is not null group by assignee`.execute(
      store.db,
    );
    const recount = Object.fromEntries(rows.map((r) => [r.assignee, Number(r.open)]));
    const kept = Object.fromEntries((await listAgents(ctx.db)).filter((a) => a.openTickets > 0).map((a) => [a.id, a.openTickets]));
    expect(kept).toEqual(recount);
  });

  it('sets presence (online, away, offline), keeping online in step, audited; capacity is read back', async () => {
    const away = await setAgentStatus(ctx, 'a', { status: 'away' }, 'a@example.com');
    expect(away).toMatchObject({ id: 'a', status: 'away', online: false, capacity: 3 });
    expect((await setAgentStatus(ctx, 'a', { status: 'online' }, 'a@example.com')).online).toBe(true);
    await expect(setAgentStatus(ctx, 'nobody', { status: 'away' }, 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAgentStatus(ctx, 'a', { status: 'busy' }, 'x')).rejects.toMatchObject({ status: 400 });
    const saved = await upsertAgent(ctx, { id: 'b', name: 'B', groups: ['g'], online: false }, 'alice');
    expect(saved.status).toBe('offline');
    const audit = await store.db.selectFrom('audit_log').select('kind').where('kind', '=', 'agent.saved').execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });
});
