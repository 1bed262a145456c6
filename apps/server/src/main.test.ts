import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './start-server';

interface LogLine {
  msg: string;
  url?: string;
  flows?: string[];
}

/** Starts `pnpm start`'s entry point as its own process and waits for it to serve. */
async function startMain(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; lines: LogLine[]; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: LogLine[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        return; // not a pino line (a runtime warning)
      }
      lines.push(entry);
      if (entry.msg === 'switchyard is serving' && entry.url) resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`main exited with ${code} before serving`)));
  });
  return { child, url, lines, exited };
}

describe('pnpm start (apps/server/src/main.ts)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves, stops with exit 0 on SIGTERM, and keeps its data for the next start', async () => {
    const env = {
      SWITCHYARD_DATA_DIR: join(dataDir, 'pglite'),
      SWITCHYARD_ADMIN_TOKEN: 'main-test-token',
      SWITCHYARD_ADMIN_EMAIL: 'Boss@Example.com',
      SWITCHYARD_ADMIN_PASSWORD: 'main-test-password',
    };
    const first = await startMain(env);
    expect(first.lines.find((l) => l.msg === 'examples loaded')?.flows).toHaveLength(14);
    expect((await fetch(`${first.url}/api/flows`)).status).toBe(401);
    const flows = await fetch(`${first.url}/api/flows`, { headers: { authorization: 'Bearer main-test-token' } });
    expect(((await flows.json()) as unknown[]).length).toBe(14);
    // The log masks every email, staff ones included (the safe logger): the operator knows the address they set.
    expect(first.lines.find((l) => l.msg === 'first start: created the first admin')).toMatchObject({ email: 'b***@example.com' });
    const signedIn = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchyard-csrf': '1' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'main-test-password' }),
    });
    expect(signedIn.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.lines.map((l) => l.msg)).toContain('switchyard stopped');

    const second = await startMain(env);
    expect(second.lines.find((l) => l.msg === 'examples loaded')?.flows).toEqual([]);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('refuses a bad environment with exit 2, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toMatch(/PORT/);
  });
});
