import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@switchyard/server';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProject } from './__fixtures__/cli-project';

/* `switchyard audit verify` against a real server (in process, PGlite in memory): a whole chain, then a row changed behind its back. */
const TOKEN = 'audit-test-token';
const dir = mkdtempSync(join(tmpdir(), 'switchyard-audit-'));
const { cli } = cliProject(dir, { id: 'cli-audit', name: 'CLI audit' });

describe('switchyard audit verify', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: false, worker: false, adminToken: TOKEN, logger: pino({ level: 'silent' }) });
    await fetch(`${server.url}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Audited 审计' }),
    });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the chain holds, then names the row changed behind its back (exit 1), in both languages', async () => {
    // Two rows: the first admin created at start, and the flow.
    expect(await cli('audit', 'verify', '--server', server.url, '--token', TOKEN)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^the audit chain holds: 2 rows checked/) as string,
    });
    await server.ctx.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set actor = 'nobody' where chain_seq = 1`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    const broken = await cli('audit', 'verify', '--server', server.url, '--token', TOKEN);
    expect(broken).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/audit row \d+ \(chain position 1\) does not match its hash/) as string,
    });
    const zh = await cli('audit', 'verify', '--server', server.url, '--token', TOKEN, '--lang', 'zh-CN');
    expect(zh.stderr).toMatch(/审计哈希链已断裂：审计记录 \d+（链位置 1）与其哈希不符/);
  });
});
