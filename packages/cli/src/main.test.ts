import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = 'packages/cli/src/__fixtures__';

describe('pnpm switchyard (the real entry point, through tsx)', () => {
  it('runs dry-run --json in a child process: JSON lines on stdout, exit 0', async () => {
    const { stdout } = await promisify(execFile)(
      'pnpm',
      ['--silent', 'switchyard', 'dry-run', `${FIXTURES}/flows/classify.json`, '--tickets', `${FIXTURES}/tickets/tickets.jsonl`, '--json'],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { ticketId: string; errors: unknown[] });
    expect(lines.map((l) => l.ticketId)).toEqual(['L-1', 'L-2']);
    expect(lines.every((l) => l.errors.length === 0)).toBe(true);
  });
});
