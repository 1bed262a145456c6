import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowDocument } from '@switchyard/flow';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext } from './__fixtures__/catalog-context';
import { listAgents, listFlows, listGroups, saveDraft, seedExamples } from './index';

const examples = join(import.meta.dirname, '../../../../examples');

describe.each(testDatabases)('seeding the examples on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(() => {
    ctx = catalogContext(store);
  });

  it('publishes and deploys the example flows in file order, and loads the roster, once when two servers start together', async () => {
    const reports = await Promise.all([seedExamples(ctx, examples), seedExamples(ctx, examples)]);
    const report = reports.find((r) => r.flows.length > 0)!;
    expect(reports.map((r) => r.flows.length).sort((a, b) => a - b)).toEqual([0, 14]);
    expect(report.flows).toHaveLength(14);
    const flows = await listFlows(ctx.db, ctx.registry);
    expect(flows.map((f) => [f.id, f.latestVersion, f.deployment?.stable, f.deployment?.position, f.draftValid])).toEqual(
      report.flows.map((id, i) => [id, 1, 1, i, true]),
    );
    expect(flows[0]?.id).toBe('intake-classify');
    expect((await listGroups(ctx.db)).length).toBeGreaterThan(0);
    expect((await listAgents(ctx.db)).map((a) => a.id)).toEqual(expect.arrayContaining([...report.agents]));
  });

  it('adds nothing the second time, and leaves edited flows alone', async () => {
    const flows = await listFlows(ctx.db);
    const edited = flows[0]!;
    const doc = FlowDocument.parse(JSON.parse(readFileSync(join(examples, 'flows', '01-intake-classify.json'), 'utf8')));
    await saveDraft(ctx, edited.id, { ...doc, name: 'Edited intake' }, 'alice');
    expect(await seedExamples(ctx, examples)).toEqual({ flows: [], groups: [], agents: [] });
    expect((await listFlows(ctx.db)).find((f) => f.id === edited.id)?.name).toBe('Edited intake');
  });
});
