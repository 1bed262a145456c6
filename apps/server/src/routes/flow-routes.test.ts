import { testing, type SwitchyardDatabase } from '@switchyard/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(testing.testDatabases)('flow routes on $name', ({ open }) => {
  let store: SwitchyardDatabase;
  let t: TestApp;
  beforeAll(async () => {
    store = await open();
    t = testApp(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('creates, lists and reads a flow', async () => {
    expect(await t.call('POST', '/api/flows', { name: 'Tagging', document: tagFlow('tagging') })).toEqual(
      expect.objectContaining({ status: 201, body: { id: 'tagging' } }),
    );
    const list = await t.call('GET', '/api/flows');
    expect(list).toMatchObject({ status: 200, body: [{ id: 'tagging', name: 'Tagging', latestVersion: null, deployment: null, draftValid: true }] });
    const flow = await t.call('GET', '/api/flows/tagging');
    expect(flow).toMatchObject({ status: 200, body: { id: 'tagging', draft: { id: 'tagging', nodes: [{ id: 'start' }, { id: 'tag' }] }, diagnostics: [], versions: [] } });
  });

  it('refuses a bad create naming the field, a taken id with 409, and writes nothing', async () => {
    expect(await t.call('POST', '/api/flows', { document: tagFlow('x') })).toMatchObject({
      status: 400,
      body: { error: 'invalid request', details: [{ path: 'name', message: anyString }] },
    });
    expect(await t.call('POST', '/api/flows', { name: 'X', document: { ...tagFlow('x'), nodes: [{ id: 'a b', type: 't' }] } })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document.nodes.0.id' }] },
    });
    expect(await t.call('POST', '/api/flows', { name: 'Again', document: tagFlow('tagging') })).toMatchObject({ status: 409, body: { error: matching(/exists/) } });
    expect(((await t.call('GET', '/api/flows')).body as unknown[]).length).toBe(1);
  });

  it('saves an invalid draft with its diagnostics; publishing it answers 422 with them and writes no version', async () => {
    const broken = { ...tagFlow('tagging'), edges: [] };
    const saved = await t.call('PUT', '/api/flows/tagging/draft', { document: broken });
    expect(saved).toMatchObject({ status: 200, body: { diagnostics: [{ code: 'unreachable_node', nodeId: 'tag' }] } });
    const refused = await t.call('POST', '/api/flows/tagging/versions');
    expect(refused).toMatchObject({ status: 422, body: { error: anyString, details: [{ code: 'unreachable_node', nodeId: 'tag' }] } });
    expect(await t.call('GET', '/api/flows/tagging')).toMatchObject({ body: { versions: [], diagnostics: [{ code: 'unreachable_node' }] } });
    expect(await t.call('GET', '/api/flows/tagging/versions/1')).toMatchObject({ status: 404 });
  });

  it('refuses a draft that is not a flow document, naming the field', async () => {
    expect(await t.call('PUT', '/api/flows/tagging/draft', { document: { ...tagFlow('tagging'), nodes: 'none' } })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document.nodes' }] },
    });
    expect(await t.call('PUT', '/api/flows/tagging/draft', {})).toMatchObject({ status: 400, body: { details: [{ path: 'document' }] } });
    expect(await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('other') })).toMatchObject({ status: 400, body: { details: [{ path: 'document.id' }] } });
  });

  it('publishes versions 1 and 2; a published version never changes', async () => {
    await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('tagging', 'one') });
    expect(await t.call('POST', '/api/flows/tagging/versions')).toMatchObject({ status: 201, body: { version: 1 } });
    const v1 = await t.call('GET', '/api/flows/tagging/versions/1');
    expect(v1).toMatchObject({
      status: 200,
      body: { flowId: 'tagging', version: 1, document: { nodes: [{}, { config: { tag: 'one' } }] }, compiled: { id: 'tagging', machine: { initial: '_idle' } }, author: 'api' },
    });
    await t.call('PUT', '/api/flows/tagging/draft', { document: tagFlow('tagging', 'two') });
    expect(await t.call('POST', '/api/flows/tagging/versions')).toMatchObject({ status: 201, body: { version: 2 } });
    expect((await t.call('GET', '/api/flows/tagging/versions/1')).body).toEqual(v1.body);
    expect(await t.call('GET', '/api/flows/tagging')).toMatchObject({ body: { versions: [{ version: 1 }, { version: 2 }] } });
    expect(await t.call('GET', '/api/flows')).toMatchObject({ body: [{ id: 'tagging', latestVersion: 2 }] });
  });

  it('answers 404 for unknown flows and versions, 400 for a version that is not a number', async () => {
    expect(await t.call('GET', '/api/flows/nope')).toMatchObject({ status: 404, body: { error: 'flow nope not found', details: { entity: 'flow', id: 'nope' } } });
    expect(await t.call('PUT', '/api/flows/nope/draft', { document: tagFlow('nope') })).toMatchObject({ status: 404 });
    expect(await t.call('POST', '/api/flows/nope/versions')).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/flows/tagging/versions/9')).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/flows/tagging/versions/one')).toMatchObject({ status: 400, body: { details: [{ path: 'n' }] } });
  });
});
