import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@switchyard/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProject } from './__fixtures__/cli-project';

/*
 * `switchyard rollout` and `promote` against a real server (in process, PGlite in memory, no
 * examples): two published versions, v1 deployed, v2 tried on 10% of new tickets, read back,
 * then promoted to stable; then open tickets are migrated back to version 1.
 */
const TOKEN = 'rollout-test-token';
/** The part of the API's `Rollout` these checks read (the root package does not depend on @switchyard/api). */
interface Rollout {
  stable: number;
  candidate: number | null;
  percent: number;
  history: { kind: string; reason: string | null }[];
}
const dir = mkdtempSync(join(tmpdir(), 'switchyard-rollout-'));
const project = cliProject(dir, { id: 'cli-rollout', name: 'CLI rollout 灰度' });
const { flowFile } = project;
/** Every command here talks to the test server. */
const cli = (...argv: string[]) => project.cli(...argv, '--server', server.url, '--token', TOKEN);

let server: RunningServer;

describe('switchyard rollout and promote', () => {
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: false, worker: false, adminToken: TOKEN, logger: pino({ level: 'silent' }) });
    expect((await cli('publish', flowFile('v1.json', ['会员']))).code).toBe(0);
    expect((await cli('publish', flowFile('v2.json', ['会员', 'VIP']))).code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the flow is not deployed, then deploys version 1', async () => {
    expect(await cli('rollout', 'cli-rollout')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('flow cli-rollout is not deployed') as string,
    });
    expect(await cli('rollout', 'cli-rollout', '--candidate', '2', '--percent', '10')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--stable: flow cli-rollout is not deployed') as string,
    });
    const deployed = await cli('rollout', 'cli-rollout', '--stable', '1', '--json');
    expect(deployed.code, deployed.stderr).toBe(0);
    expect(JSON.parse(deployed.stdout)).toMatchObject({ stable: 1, candidate: null });
  });

  it('tries version 2 on 10% of new tickets, keeping stable 1, and reads it back', async () => {
    const changed = await cli(
      'rollout',
      'cli-rollout',
      '--candidate',
      '2',
      '--percent',
      '10',
      '--guardrail',
      'errorRate>2',
      '--reason',
      'try VIP keyword',
    );
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('stable v1 · candidate v2 at 10%');
    const shown = await cli('rollout', 'cli-rollout');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Flow cli-rollout: stable v1 · candidate v2 at 10%');
    expect(shown.stdout).toContain('Guardrails: errorRate>2@50');
    expect(shown.stdout).toContain('try VIP keyword');
    expect(shown.stdout).toMatch(/Candidate v2 against stable v1/);
    const json = JSON.parse((await cli('rollout', 'cli-rollout', '--json')).stdout) as { rollout: Rollout };
    expect(json.rollout).toMatchObject({ stable: 1, candidate: 2, percent: 10 });
  });

  it('promotes version 2 to stable', async () => {
    // Decided on revision 1 (before the candidate was added): refused, nothing promoted, the rollout now shown.
    const stale = await cli('promote', 'cli-rollout', '--revision', '1');
    expect(stale).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('someone changed this rollout meanwhile (now revision 2)') as string,
    });
    expect(stale.stderr).toContain('candidate v2 at 10% (revision 2)');
    const promoted = await cli('promote', 'cli-rollout', '--reason', 'looks good');
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain('v2 is now stable');
    const json = JSON.parse((await cli('rollout', 'cli-rollout', '--json')).stdout) as { rollout: Rollout };
    expect(json.rollout).toMatchObject({ stable: 2, candidate: null });
    expect(json.rollout.history[0]).toMatchObject({ kind: 'rollout.promoted', reason: 'looks good' });
    // Nothing left to promote.
    expect(await cli('promote', 'cli-rollout')).toMatchObject({ code: 1, stderr: expect.stringContaining('(409)') as string });
  });

  it('migrates the open tickets of version 2 to version 1, and refuses a version that is not published', async () => {
    // The worker is off: new tickets are bound to stable v2 (promoted above) and rest before the flow's first node.
    for (const id of ['C1', 'C2']) {
      const opened = await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ channel: 'chat', subject: '会员', customer: { id } }),
      });
      expect(opened.status).toBe(201);
    }
    expect(await cli('rollout', 'cli-rollout', '--migrate', '2:1', '--reason', 'back to v1')).toMatchObject({
      code: 0,
      stdout: 'flow cli-rollout: 2 open ticket(s) moved from v2 to v1\n',
    });
    const json = JSON.parse((await cli('rollout', 'cli-rollout', '--json')).stdout) as {
      rollout: Rollout & { history: { detail?: unknown }[] };
    };
    expect(json.rollout.history[0]).toMatchObject({
      kind: 'tickets.migrated',
      reason: 'back to v1',
      detail: { fromVersion: 2, toVersion: 1, count: 2 },
    });
    expect(await cli('rollout', 'cli-rollout', '--migrate', '2:1')).toMatchObject({
      code: 0,
      stdout: 'flow cli-rollout: no open tickets on v2; nothing moved\n',
    });
    expect(await cli('rollout', 'cli-rollout', '--migrate', '1:9')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('  to: flow cli-rollout has no published version 9') as string,
    });
    expect(await cli('rollout', 'cli-rollout', '--migrate', '1-2')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--migrate 1-2: expected <from>:<to>') as string,
    });
  });
});
