import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SwitchyardDatabase } from '../db/create-database';
import { type DraftDiagnostics, draftDiagnosticsShape } from '../db/stored/draft-diagnostics-shape';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import { RuntimeInputError } from '../errors';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext, tagFlow } from './__fixtures__/catalog-context';
import { diagnoseDraft, registryFingerprint } from './draft-diagnostics';
import { readDraft } from './read-document';
import { createFlow, deployVersion, getFlow, getVersion, listFlows, publishVersion, saveDraft } from './index';

/** The diagnostics column of a flow, as stored. */
async function storedOf(store: SwitchyardDatabase, id: string): Promise<unknown> {
  return (await store.db.selectFrom('flows').select('diagnostics').where('id', '=', id).executeTakeFirstOrThrow()).diagnostics;
}

/** The audit kinds written so far for a flow, oldest first. */
async function auditKinds(store: SwitchyardDatabase, flowId: string): Promise<string[]> {
  const rows = await store.db.selectFrom('audit_log').select('kind').where('flow_id', '=', flowId).orderBy('id').execute();
  return rows.map((r) => r.kind);
}

async function rejection(promise: Promise<unknown>): Promise<RuntimeInputError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RuntimeInputError)) throw new Error(`expected a RuntimeInputError, got ${String(error)}`);
  return error;
}

describe.each(testDatabases)('the flow catalog on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(() => {
    ctx = catalogContext(store);
  });

  it('creates a flow under the document id, and refuses that id twice with a 409', async () => {
    expect(await createFlow(ctx, { name: 'Tagging', document: tagFlow('tagging') }, 'alice')).toEqual({ id: 'tagging', revision: 1 });
    const again = await rejection(createFlow(ctx, { name: 'Other', document: tagFlow('tagging') }, 'bob'));
    expect(again.status).toBe(409);
    expect(await auditKinds(store, 'tagging')).toEqual(['flow.created']);
  });

  it('gives a flow without a document id a slug of its name, and an empty draft', async () => {
    const { id } = await createFlow(ctx, { name: '退款 Refund triage' }, 'alice');
    expect(id).toMatch(/^refund-triage-[a-z0-9]{6}$/);
    const flow = await getFlow(ctx.db, id);
    expect(flow?.draft).toMatchObject({ id, name: '退款 Refund triage', nodes: [], edges: [] });
    expect(flow?.versions).toEqual([]);
    expect(flow?.deployment).toBeNull();
  });

  it('saves an invalid draft with its diagnostics, and publishing it answers 422 without writing a version', async () => {
    await createFlow(ctx, { name: 'Broken', document: tagFlow('broken') }, 'alice');
    const broken = FlowDocument.parse({
      ...tagFlow('broken'),
      nodes: [
        { id: 'start', type: 'ticket_created' },
        { id: 'tag', type: 'add_tag', config: {} },
      ],
    });
    const { diagnostics, revision } = await saveDraft(ctx, 'broken', broken, 'alice');
    expect(revision).toBe(2);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'tag', field: 'config.tag' })]);
    expect((await getFlow(ctx.db, 'broken', ctx.registry))?.diagnostics).toEqual(diagnostics);

    const refused = await rejection(publishVersion(ctx, 'broken', 'alice'));
    expect(refused.status).toBe(422);
    expect(refused.details).toEqual(diagnostics);
    expect((await getFlow(ctx.db, 'broken'))?.versions).toEqual([]);
    expect(await auditKinds(store, 'broken')).toEqual(['flow.created', 'flow.draft_saved']);
  });

  it("refuses a draft whose id is not the flow's, naming the field, and keeps the old draft", async () => {
    const before = await getFlow(ctx.db, 'tagging');
    const wrongId = await rejection(saveDraft(ctx, 'tagging', tagFlow('other'), 'alice'));
    expect(wrongId.details).toEqual([expect.objectContaining({ path: 'document.id' })]);
    expect(await getFlow(ctx.db, 'tagging')).toEqual(before);
  });

  it('answers 404 for drafts and publishes of an unknown flow, undefined for reads', async () => {
    expect((await rejection(saveDraft(ctx, 'nope', tagFlow('nope'), 'alice'))).status).toBe(404);
    expect((await rejection(publishVersion(ctx, 'nope', 'alice'))).status).toBe(404);
    expect(await getFlow(ctx.db, 'nope')).toBeUndefined();
    expect(await getVersion(ctx.db, 'nope', 1)).toBeUndefined();
  });

  it('numbers versions 1, 2, 3 and never changes a published one', async () => {
    await createFlow(ctx, { name: 'Versions', document: tagFlow('versions', 'v1') }, 'alice');
    expect(await publishVersion(ctx, 'versions', 'alice')).toEqual({ version: 1, revision: 1 });
    const v1 = await getVersion(ctx.db, 'versions', 1);

    ctx.clock.advance(60_000);
    await saveDraft(ctx, 'versions', tagFlow('versions', 'v2'), 'bob');
    expect(await publishVersion(ctx, 'versions', 'bob')).toEqual({ version: 2, revision: 2 });
    expect(await publishVersion(ctx, 'versions', 'bob')).toEqual({ version: 3, revision: 2 });

    expect(await getVersion(ctx.db, 'versions', 1)).toEqual(v1);
    expect(v1?.document.nodes[1]?.config).toEqual({ tag: 'v1' });
    expect(v1?.compiled.machine).toHaveProperty('states.tag');
    expect((await getVersion(ctx.db, 'versions', 2))?.document.nodes[1]?.config).toEqual({ tag: 'v2' });
    expect(await getVersion(ctx.db, 'versions', 4)).toBeUndefined();
    const flow = await getFlow(ctx.db, 'versions');
    expect(flow?.versions.map((v) => [v.version, v.author])).toEqual([
      [1, 'alice'],
      [2, 'bob'],
      [3, 'bob'],
    ]);
    expect(await auditKinds(store, 'versions')).toEqual([
      'flow.created',
      'flow.published',
      'flow.draft_saved',
      'flow.published',
      'flow.published',
    ]);
  });

  it('deploys a published version as stable, keeps the run order and lists flows with it', async () => {
    await createFlow(ctx, { name: 'Second', document: tagFlow('second') }, 'alice');
    await publishVersion(ctx, 'second', 'alice');
    expect(await deployVersion(ctx, 'versions', 2, 'alice')).toEqual({ stable: 2, candidate: null, percent: 0, position: 0 });
    expect(await deployVersion(ctx, 'second', 1, 'alice')).toMatchObject({ position: 1 });
    expect(await deployVersion(ctx, 'versions', 3, 'alice')).toMatchObject({ stable: 3, position: 0 });
    expect((await rejection(deployVersion(ctx, 'second', 9, 'alice'))).status).toBe(404);

    const flows = await listFlows(ctx.db, ctx.registry);
    expect(flows.slice(0, 2).map((f) => [f.id, f.latestVersion, f.deployment?.stable])).toEqual([
      ['versions', 3, 3],
      ['second', 1, 1],
    ]);
    expect(flows.find((f) => f.id === 'broken')).toMatchObject({ draftValid: false, latestVersion: null, deployment: null });
    expect(await auditKinds(store, 'second')).toEqual(['flow.created', 'flow.published', 'flow.deployed']);
  });

  it('gives concurrent publishes of one flow distinct consecutive numbers', async () => {
    await createFlow(ctx, { name: 'Race', document: tagFlow('race') }, 'alice');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => publishVersion(ctx, 'race', `editor-${i}`)));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stores the diagnostics with each draft, and the flow list reads them instead of validating drafts', async () => {
    expect(await storedOf(store, 'tagging')).toEqual({ $v: 1, ...diagnoseDraft(tagFlow('tagging'), ctx.registry) });
    const saved = await saveDraft(ctx, 'broken', tagFlow('broken'), 'alice');
    expect(await storedOf(store, 'broken')).toEqual({ $v: 1, registry: registryFingerprint(ctx.registry), diagnostics: saved.diagnostics });
    // A stored verdict the draft itself would not give: the list shows it, so it did not validate the draft.
    const claimed: DraftDiagnostics = {
      registry: registryFingerprint(ctx.registry),
      diagnostics: [{ code: 'no_trigger', severity: 'error', message: 'stored' }],
    };
    await store.db
      .updateTable('flows')
      .set({ diagnostics: draftDiagnosticsShape.json(claimed) })
      .where('id', '=', 'tagging')
      .execute();
    expect((await listFlows(ctx.db, ctx.registry)).find((f) => f.id === 'tagging')?.draftValid).toBe(false);
    expect((await getFlow(ctx.db, 'tagging', ctx.registry))?.diagnostics).toEqual(claimed.diagnostics);
  });

  it('computes the diagnostics of a draft saved before they were stored on first read, and stores them', async () => {
    // Rows from before migration 0007 have none.
    await store.db.updateTable('flows').set({ diagnostics: null }).execute();
    const flows = await listFlows(ctx.db, ctx.registry);
    expect(flows.find((f) => f.id === 'tagging')?.draftValid).toBe(true);
    expect(flows.find((f) => f.id === 'broken')?.draftValid).toBe(true);
    const rows = await store.db.selectFrom('flows').select(['id', 'draft', 'diagnostics']).execute();
    for (const r of rows) expect(r.diagnostics, r.id).toEqual({ $v: 1, ...diagnoseDraft(readDraft(r.id, r.draft), ctx.registry) });

    await store.db.updateTable('flows').set({ diagnostics: null }).where('id', '=', 'versions').execute();
    expect((await getFlow(ctx.db, 'versions', ctx.registry))?.diagnostics).toEqual([]);
    expect(await storedOf(store, 'versions')).toEqual({ $v: 1, registry: registryFingerprint(ctx.registry), diagnostics: [] });
  });

  it('reads a draft stored before shapes had versions, and reports one that does not read, naming its table and row', async () => {
    await sql`update flows set draft = ${JSON.stringify(tagFlow('tagging', 'unversioned'))}::jsonb where id = 'tagging'`.execute(store.db);
    expect((await getFlow(ctx.db, 'tagging'))?.draft.nodes[1]?.config).toEqual({ tag: 'unversioned' });
    await store.db
      .updateTable('flows')
      .set({ draft: flowDocumentShape.json({ ...tagFlow('tagging'), id: 'not an id!' }) })
      .where('id', '=', 'tagging')
      .execute();
    await expect(getFlow(ctx.db, 'tagging')).rejects.toThrow(/stored flow-document in flows row tagging is invalid at id/);
    await store.db
      .updateTable('flows')
      .set({ draft: flowDocumentShape.json(tagFlow('tagging')) })
      .where('id', '=', 'tagging')
      .execute();
  });

  it('computes the diagnostics again under other node types, which can change what validates', async () => {
    const withoutTags = createNodeRegistry(builtinNodes.filter((n) => n.type !== 'add_tag'));
    expect((await listFlows(ctx.db, withoutTags)).find((f) => f.id === 'tagging')?.draftValid).toBe(false);
    expect((await getFlow(ctx.db, 'tagging', withoutTags))?.diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown_node_type', nodeId: 'tag' }),
    ]);
    // And back: the installed types validate it again.
    expect((await listFlows(ctx.db, ctx.registry)).find((f) => f.id === 'tagging')?.draftValid).toBe(true);
  });
});
