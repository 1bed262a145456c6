import { DraftConflict, DraftSaved, FlowDetail, FlowList } from '@switchyard/api';
import { FlowDocument } from '@switchyard/flow';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { anyString, matching } from '../__fixtures__/matchers';

/** On a new ticket, tag it. */
const tagFlow = (id: string, tag = 'seen') => ({
  id,
  name: `Tag ${tag}`,
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'tag', type: 'add_tag', config: { tag } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'tag' }],
});

describe.each(testDatabases)('flow routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });

  it('creates, lists and reads a flow', async () => {
    expect(await t.call('POST', '/api/flows', { name: 'Tagging', document: tagFlow('tagging') })).toEqual(
      expect.objectContaining({ status: 201, body: { id: 'tagging', revision: 1 } }),
    );
    const list = await t.call('GET', '/api/flows');
    expect(list).toMatchObject({
      status: 200,
      body: [{ id: 'tagging', name: 'Tagging', latestVersion: null, deployment: null, draftValid: true }],
    });
    const flow = await t.call('GET', '/api/flows/tagging');
    expect(flow).toMatchObject({
      status: 200,
      body: {
        id: 'tagging',
        revision: 1,
        draft: { id: 'tagging', nodes: [{ id: 'start' }, { id: 'tag' }] },
        diagnostics: [],
        versions: [],
      },
    });
  });

  it('refuses a bad create naming the field, a taken id with 409, and writes nothing', async () => {
    expect(await t.call('POST', '/api/flows', { document: tagFlow('x') })).toMatchObject({
      status: 400,
      body: { error: 'invalid request', details: [{ path: 'name', message: anyString }] },
    });
    expect(
      await t.call('POST', '/api/flows', { name: 'X', document: { ...tagFlow('x'), nodes: [{ id: 'a b', type: 't' }] } }),
    ).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document.nodes.0.id' }] },
    });
    expect(await t.call('POST', '/api/flows', { name: 'Again', document: tagFlow('tagging') })).toMatchObject({
      status: 409,
      body: { error: matching(/exists/) },
    });
    expect(expectBody(await t.call('GET', '/api/flows'), FlowList)).toHaveLength(1);
  });

  it('saves an invalid draft with its diagnostics; publishing it answers 422 with them and writes no version', async () => {
    const broken = { ...tagFlow('tagging'), edges: [] };
    const saved = await t.call('PUT', '/api/flows/tagging/draft', { document: broken });
    expect(saved).toMatchObject({ status: 200, body: { diagnostics: [{ code: 'unreachable_node', nodeId: 'tag' }] } });
    const refused = await t.call('POST', '/api/flows/tagging/versions');
    expect(refused).toMatchObject({ status: 422, body: { error: anyString, details: [{ code: 'unreachable_node', nodeId: 'tag' }] } });
    expect(await t.call('GET', '/api/flows/tagging')).toMatchObject({
      body: { versions: [], diagnostics: [{ code: 'unreachable_node' }] },
    });
    expect(await t.call('GET', '/api/flows/tagging/versions/1')).toMatchObject({ status: 404 });
  });

  it('refuses a draft that is not a flow document, naming the field', async () => {
    expect(await t.call('PUT', '/api/flows/tagging/draft', { document: { ...tagFlow('tagging'), nodes: 'none' } })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document.nodes' }] },
    });
    expect(await t.call('PUT', '/api/flows/tagging/draft', {})).toMatchObject({ status: 400, body: { details: [{ path: 'document' }] } });
    expect(await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('other') })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document.id' }] },
    });
  });

  it('publishes versions 1 and 2; a published version never changes', async () => {
    await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('tagging', 'one') });
    expect(await t.call('POST', '/api/flows/tagging/versions')).toMatchObject({ status: 201, body: { version: 1 } });
    const v1 = await t.call('GET', '/api/flows/tagging/versions/1');
    expect(v1).toMatchObject({
      status: 200,
      body: {
        flowId: 'tagging',
        version: 1,
        document: { nodes: [{}, { config: { tag: 'one' } }] },
        compiled: { id: 'tagging', machine: { initial: '_idle' } },
        author: 'admin',
      },
    });
    await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('tagging', 'two') });
    expect(await t.call('POST', '/api/flows/tagging/versions')).toMatchObject({ status: 201, body: { version: 2 } });
    expect((await t.call('GET', '/api/flows/tagging/versions/1')).body).toEqual(v1.body);
    expect(await t.call('GET', '/api/flows/tagging')).toMatchObject({ body: { versions: [{ version: 1 }, { version: 2 }] } });
    expect(await t.call('GET', '/api/flows')).toMatchObject({ body: [{ id: 'tagging', latestVersion: 2 }] });
  });

  it("two clients saving the same draft: the second gets a 409 with the first one's draft, and nothing is lost", async () => {
    await t.call('POST', '/api/flows', { name: 'Shared', document: tagFlow('shared', 'start') });
    const opened = await t.call('GET', '/api/flows/shared');
    expect(opened).toMatchObject({ status: 200, body: { revision: 1 } });
    // Two tabs opened revision 1; Alice saves first.
    const alice = await t.call(
      'PUT',
      '/api/flows/shared/draft',
      { document: tagFlow('shared', 'alice'), revision: 1 },
      { 'x-actor': 'alice' },
    );
    expect(alice).toMatchObject({ status: 200, body: { revision: 2, diagnostics: [] } });
    const bob = await t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', 'bob'), revision: 1 }, { 'x-actor': 'bob' });
    expect(bob.status).toBe(409);
    const conflict = DraftConflict.parse(bob.body);
    expect(conflict).toMatchObject({
      revision: 2,
      document: { nodes: [{}, { config: { tag: 'alice' } }] },
      details: [{ path: 'revision', message: anyString }],
    });
    expect(conflict.message.en).toMatch(/someone saved the draft/);
    expect(conflict.message['zh-CN']).toMatch(/草稿已被他人保存/);
    // Bob's save changed nothing: Alice's draft is there, at her revision.
    expect(await t.call('GET', '/api/flows/shared')).toMatchObject({
      body: { revision: 2, draft: { nodes: [{}, { config: { tag: 'alice' } }] } },
    });
    // Bob keeps his after seeing hers: he saves against the revision the 409 named.
    expect(
      await t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', 'bob'), revision: conflict.revision }),
    ).toMatchObject({ status: 200, body: { revision: 3 } });
    expect(await t.call('GET', '/api/flows/shared')).toMatchObject({
      body: { revision: 3, draft: { nodes: [{}, { config: { tag: 'bob' } }] } },
    });
    // A client that sends no revision still saves (the last save wins), and the revision still counts.
    expect(await t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', 'cli') })).toMatchObject({
      status: 200,
      body: { revision: 4 },
    });
  });

  it('lets exactly one of two simultaneous saves against one revision through', async () => {
    const { revision } = expectBody(await t.call('GET', '/api/flows/shared'), FlowDetail);
    const answers = await Promise.all(
      ['left', 'right'].map((tag) => t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', tag), revision })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    const loser = DraftConflict.parse(answers.find((a) => a.status === 409)!.body);
    expect(winner.body).toMatchObject({ revision: revision + 1 });
    // The loser is told what won, which is what the server has.
    const now = await t.call('GET', '/api/flows/shared');
    expect(now.body).toMatchObject({ revision: revision + 1, draft: loser.document });
  });

  it('publishes exactly the revision it names; a draft that moved on gets a 409 and no version', async () => {
    const saved = await t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', 'reviewed') });
    const reviewed = expectBody(saved, DraftSaved).revision;
    await t.call('PUT', '/api/flows/shared/draft', { document: tagFlow('shared', 'unreviewed') });
    const stale = await t.call('POST', '/api/flows/shared/versions', { revision: reviewed });
    expect(stale.status).toBe(409);
    expect(DraftConflict.parse(stale.body)).toMatchObject({
      revision: reviewed + 1,
      document: { nodes: [{}, { config: { tag: 'unreviewed' } }] },
    });
    expect(DraftConflict.parse(stale.body).message.en).toMatch(/nothing was published/);
    expect(await t.call('GET', '/api/flows/shared')).toMatchObject({ body: { versions: [] } });
    expect(await t.call('POST', '/api/flows/shared/versions', { revision: reviewed + 1 })).toMatchObject({
      status: 201,
      body: { version: 1, revision: reviewed + 1 },
    });
    expect(await t.call('GET', '/api/flows/shared/versions/1')).toMatchObject({
      body: { document: { nodes: [{}, { config: { tag: 'unreviewed' } }] } },
    });
    // Without a body, as before: the current draft.
    expect(await t.call('POST', '/api/flows/shared/versions')).toMatchObject({ status: 201, body: { version: 2, revision: reviewed + 1 } });
    expect(await t.call('POST', '/api/flows/shared/versions', { revision: 0 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'revision' }] },
    });
  });

  it('answers 404 for unknown flows and versions, 400 for a version that is not a number', async () => {
    expect(await t.call('GET', '/api/flows/nope')).toMatchObject({
      status: 404,
      body: { error: 'flow nope not found', details: { entity: 'flow', id: 'nope' } },
    });
    expect(await t.call('PUT', '/api/flows/nope/draft', { document: tagFlow('nope') })).toMatchObject({ status: 404 });
    expect(await t.call('POST', '/api/flows/nope/versions')).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/flows/tagging/versions/9')).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/flows/tagging/versions/one')).toMatchObject({ status: 400, body: { details: [{ path: 'n' }] } });
  });

  it('parses a saved document once, in the request, and lists flows without reading a draft', async () => {
    const parse = vi.spyOn(FlowDocument, 'parse');
    const safeParse = vi.spyOn(FlowDocument, 'safeParse');
    try {
      expect(await t.call('POST', '/api/flows', { name: 'Once', document: tagFlow('once') })).toMatchObject({ status: 201 });
      expect(await t.call('PUT', '/api/flows/once/draft', { document: { ...tagFlow('once'), edges: [] } })).toMatchObject({
        status: 200,
        body: { diagnostics: [{ code: 'unreachable_node' }] },
      });
      expect(expectBody(await t.call('GET', '/api/flows'), FlowList).find((f) => f.id === 'once')).toMatchObject({ draftValid: false });
      // The request's schema parsed the document; the catalog, the validator and the list did not again.
      expect({ parse: parse.mock.calls.length, safeParse: safeParse.mock.calls.length }).toEqual({ parse: 0, safeParse: 0 });
    } finally {
      parse.mockRestore();
      safeParse.mockRestore();
    }
  });
});
