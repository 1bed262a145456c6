import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@switchyard/cli';
import { type RunningServer, startServer } from '@switchyard/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `switchyard publish` against a real server (in process, PGlite in memory, no examples):
 * a flow file becomes version 1, then version 2; an invalid file sends nothing; a wrong
 * token and an unreachable server are bad input naming the server.
 */
const TOKEN = 'publish-test-token';
const dir = mkdtempSync(join(tmpdir(), 'switchyard-publish-'));

function flowFile(name: string, keywords: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      id: 'cli-tagging',
      name: 'CLI tagging 标签',
      description: '',
      nodes: [
        { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
        { id: 'is-vip', type: 'text_contains', config: { keywords }, position: { x: 200, y: 0 } },
        { id: 'tag', type: 'add_tag', config: { tag: 'vip_words' }, position: { x: 400, y: 0 } },
        { id: 'done', type: 'end', config: {}, position: { x: 400, y: 100 } },
      ],
      edges: [
        { id: 'e1', source: 'created', sourceHandle: 'next', target: 'is-vip' },
        { id: 'e2', source: 'is-vip', sourceHandle: 'true', target: 'tag' },
        { id: 'e3', source: 'is-vip', sourceHandle: 'false', target: 'done' },
      ],
    }),
  );
  return file;
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'en_US.UTF-8' } });
  return { code, stdout, stderr };
}

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
    expect(await cli('publish', flowFile('v1.json', ['会员']), '--server', server.url, '--token', TOKEN)).toMatchObject({ code: 0, stdout: expect.stringContaining('published as version 1') as string });
    const second = await cli('publish', flowFile('v2.json', ['会员', 'VIP']), '--server', server.url, '--token', TOKEN, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual([{ file: join(dir, 'v2.json'), flowId: 'cli-tagging', version: 2 }]);
    const v2 = await fetch(`${server.url}/api/flows/cli-tagging/versions/2`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await v2.json()) as { document: { nodes: { config: { keywords?: string[] } }[] } }).document.nodes[1]!.config.keywords).toEqual(['会员', 'VIP']);
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
    expect(unreachable).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot reach the Switchyard server at http://127.0.0.1:9') as string });
  });
});
