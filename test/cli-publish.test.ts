import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@switchyard/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProject } from './__fixtures__/cli-project';

/*
 * `switchyard publish` against a real server (in process, PGlite in memory, no examples):
 * a flow file becomes version 1, then version 2; an invalid file sends nothing; a wrong
 * token and an unreachable server are bad input naming the server.
 */
const TOKEN = 'publish-test-token';
const dir = mkdtempSync(join(tmpdir(), 'switchyard-publish-'));
const { flowFile, cli } = cliProject(dir, { id: 'cli-tagging', name: 'CLI tagging 标签' });

describe('switchyard publish', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: false, worker: false, adminToken: TOKEN, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the flow and publishes version 1, then publishes an edited file as version 2', async () => {
    expect(await cli('publish', flowFile('v1.json', ['会员']), '--server', server.url, '--token', TOKEN)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('published as version 1') as string,
    });
    const second = await cli('publish', flowFile('v2.json', ['会员', 'VIP']), '--server', server.url, '--token', TOKEN, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual([{ file: join(dir, 'v2.json'), flowId: 'cli-tagging', version: 2 }]);
    const v2 = await fetch(`${server.url}/api/flows/cli-tagging/versions/2`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(
      ((await v2.json()) as { document: { nodes: { config: { keywords?: string[] } }[] } }).document.nodes[1]!.config.keywords,
    ).toEqual(['会员', 'VIP']);
  });

  it('sends nothing when a file is invalid, and says why by node', async () => {
    const result = await cli('publish', flowFile('broken.json', []), '--server', server.url, '--token', TOKEN);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is-vip/);
    const detail = await fetch(`${server.url}/api/flows/cli-tagging`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await detail.json()) as { versions: unknown[] }).versions).toHaveLength(2);
  });

  it('names the server when the token is refused or the server cannot be reached', async () => {
    const refused = await cli('publish', flowFile('v3.json', ['VIP']), '--server', server.url, '--token', 'wrong-token');
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining(`the server at ${server.url} refused the token`) as string });
    const unreachable = await cli('publish', flowFile('v3.json', ['VIP']), '--server', 'http://127.0.0.1:9', '--token', TOKEN);
    expect(unreachable).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot reach the Switchyard server at http://127.0.0.1:9') as string,
    });
  });
});
