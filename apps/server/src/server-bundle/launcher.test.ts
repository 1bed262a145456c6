import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyNumber } from '../__fixtures__/matchers';
import { REPO_ROOT } from '../start-server';
import { buildServerBundle } from './build-server-bundle';

const LogLine = z.object({
  msg: z.string(),
  url: z.string().optional(),
  flows: z.array(z.string()).optional(),
  start: z.unknown().optional(),
});
type LogLine = z.infer<typeof LogLine>;

/** `pnpm start` without pnpm: the launcher, in its own process, until it serves; then SIGTERM. */
async function launch(env: Record<string, string>): Promise<{ lines: LogLine[]; flows: number; code: number | null }> {
  const child = spawn(process.execPath, ['apps/server/launcher/start.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', SWITCHYARD_BUILD_EDITOR: '0', SWITCHYARD_EXAMPLE_SERVICES_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines: LogLine[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return; // not a log line
      }
      const line = LogLine.safeParse(json);
      if (!line.success) return;
      lines.push(line.data);
      if (line.data.msg === 'switchyard is serving' && line.data.url) resolve(line.data.url);
    });
    void exited.then((code) => reject(new Error(`the launcher exited with ${code} before serving`)));
  });
  const flows = z
    .array(z.unknown())
    .parse(await (await fetch(`${url}/api/flows`, { headers: { authorization: 'Bearer launcher-test-token' } })).json());
  child.kill('SIGTERM');
  return { lines, flows: flows.length, code: await exited };
}

describe('pnpm start (apps/server/launcher/start.mjs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-launcher-'));
  const env = { SWITCHYARD_DATA_DIR: join(dataDir, 'pglite'), SWITCHYARD_ADMIN_TOKEN: 'launcher-test-token' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // What `pnpm install` does; the test then finds it current.
  beforeAll(() => buildServerBundle(REPO_ROOT), 120_000);

  it(
    'runs the precompiled server when it matches the sources: seeds the 14 examples with progress lines, times its phases',
    { timeout: 180_000 },
    async () => {
      const { lines, flows, code } = await launch(env);
      const messages = lines.map((l) => l.msg);
      expect(messages.some((m) => m.includes('TypeScript sources'))).toBe(false);
      expect(messages.filter((m) => m.startsWith('example flows ')).length).toBe(14);
      expect(lines.find((l) => l.msg === 'examples loaded')?.flows).toHaveLength(14);
      expect(flows).toBe(14);
      expect(lines.find((l) => l.msg === 'switchyard is serving')?.start).toMatchObject({
        ms: { load: anyNumber, open: anyNumber, seed: anyNumber, total: anyNumber },
        cpuMs: { total: anyNumber },
      });
      expect(code).toBe(0);
    },
  );

  it('runs the TypeScript sources when told to (SWITCHYARD_SERVER_BUNDLE=0), on the same data', { timeout: 180_000 }, async () => {
    const { lines, flows, code } = await launch({ ...env, SWITCHYARD_SERVER_BUNDLE: '0' });
    expect(lines.find((l) => l.msg === 'examples loaded')?.flows).toEqual([]);
    expect(flows).toBe(14);
    expect(code).toBe(0);
  });
});
