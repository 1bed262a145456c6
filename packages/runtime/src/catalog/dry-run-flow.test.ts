import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext, tagFlow } from './__fixtures__/catalog-context';
import { createFlow, dryRunFlow, getFlow, saveDraft, seedExamples } from './index';

const examples = join(import.meta.dirname, '../../../../examples');
const refund = { id: 't1', channel: 'chat', subject: '我要退货', body: '鞋子尺码不对，申请退货', customer: { id: 'c1', tier: 'vip' } };

describe.each(testDatabases)('dry-running one flow on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(async () => {
    ctx = catalogContext(store);
    await seedExamples(ctx, examples);
  }, 60_000);

  it('runs a flow among the deployed ones, so it sees the category intake set, with the roster from the database', async () => {
    const [result] = await dryRunFlow(ctx, 'after-sales-routing', { tickets: [refund] });
    expect(result?.final).toMatchObject({ category: 'after_sales', group: 'after_sales' });
    expect(result?.final.assignee).toEqual(expect.any(String));
    expect(result?.paths['after-sales-routing']?.length).toBeGreaterThan(0);
  });

  it('runs it alone when asked, and with a posted roster', async () => {
    const [alone] = await dryRunFlow(ctx, 'after-sales-routing', { tickets: [refund], alone: true });
    expect(alone?.final.category).toBeNull();
    const roster = [{ id: 'solo', name: 'Solo', groups: ['after_sales'], skills: ['returns'], seniority: 'senior' }];
    const [result] = await dryRunFlow(ctx, 'after-sales-routing', { tickets: [refund], roster });
    expect(result?.final.assignee).toBe('solo');
  });

  it('runs an unsaved document or the draft without writing anything, and refuses invalid ones with 422', async () => {
    await createFlow(ctx, { name: 'Tag', document: tagFlow('tagger', 'draft') }, 'alice');
    const before = await getFlow(ctx.db, 'tagger');
    const [draft] = await dryRunFlow(ctx, 'tagger', { tickets: [refund], alone: true });
    expect(draft?.final.tags).toEqual(['draft']);
    const [unsaved] = await dryRunFlow(ctx, 'tagger', { tickets: [refund], document: tagFlow('tagger', 'unsaved'), alone: true });
    expect(unsaved?.final.tags).toEqual(['unsaved']);
    expect(await getFlow(ctx.db, 'tagger')).toEqual(before);

    await saveDraft(ctx, 'tagger', { ...tagFlow('tagger'), edges: [] }, 'alice');
    await expect(dryRunFlow(ctx, 'tagger', { tickets: [refund] })).rejects.toMatchObject({ status: 422 });
  });

  it('names the bad field of a sample ticket, and 404s an unknown flow or version', async () => {
    await expect(dryRunFlow(ctx, 'tagger', { tickets: [refund, { ...refund, customer: {} }] })).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ path: 'tickets.1.customer.id' })],
    });
    await expect(dryRunFlow(ctx, 'tagger', { tickets: [refund, refund] })).rejects.toMatchObject({
      details: [{ path: 'tickets.1.id', message: 'ticket id t1 appears twice' }],
    });
    await expect(dryRunFlow(ctx, 'nope', { tickets: [refund] })).rejects.toMatchObject({ status: 404 });
    await expect(dryRunFlow(ctx, 'intake-classify', { tickets: [refund], version: 7 })).rejects.toMatchObject({ status: 404 });
  });
});
