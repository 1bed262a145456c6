import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'switchyard-new-node-'));
// Inside the workspace, so the generated package resolves @switchyard/nodes and zod as a real one would.
const inRepo = join(REPO, 'examples/custom-nodes', `tmp-new-node-${process.pid}`);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(inRepo, { recursive: true, force: true });
});

describe('switchyard new-node', () => {
  it('scaffolds custom-nodes/<name> under the working directory, and says what to do next', async () => {
    const io = captureIo({ cwd: temp });
    expect(await runCli(['new-node', 'acme.refund_order'], io)).toBe(0);
    const dir = join(temp, 'custom-nodes/acme-refund-order');
    for (const file of ['package.json', 'README.md', 'src/index.ts', 'src/acme-refund-order.ts', 'src/acme-refund-order.test.ts']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({
      name: 'switchyard-node-acme-refund-order',
      type: 'module',
      exports: { '.': './src/index.ts' },
    });
    const source = readFileSync(join(dir, 'src/acme-refund-order.ts'), 'utf8');
    expect(source).toContain("type: 'acme.refund_order'");
    expect(source).toContain("export const API_KEY = 'ACME_API_KEY'");
    expect(source).toContain('export const acmeRefundOrder = defineNode(');
    expect(io.out()).toContain('created custom-nodes/acme-refund-order');
    expect(io.out()).toContain("import { acmeRefundOrder } from 'switchyard-node-acme-refund-order'");
  });

  it('refuses an existing folder, changing nothing in it', async () => {
    const io = captureIo({ cwd: temp });
    writeFileSync(join(temp, 'taken'), 'mine');
    expect(await runCli(['new-node', 'acme.refund', '--dir', 'taken'], io)).toBe(2);
    expect(io.err()).toContain('taken: already exists');
    expect(readFileSync(join(temp, 'taken'), 'utf8')).toBe('mine');
  });

  it.each([
    ['Acme.Refund', 'node type "Acme.Refund": use lower-case snake_case'],
    ['refund', 'node type "refund": use lower-case snake_case parts joined by dots, vendor first'],
    ['reply', 'node type "reply" is a built-in node\'s name'],
  ])('refuses the type %s with a message naming it', async (type, message) => {
    const io = captureIo({ cwd: temp });
    expect(await runCli(['new-node', type], io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  it('refuses a bad package name and a missing type, in Chinese when asked', async () => {
    const io = captureIo({ cwd: temp });
    expect(await runCli(['new-node', 'acme.x', '--package', 'Bad Name'], io)).toBe(2);
    expect(io.err()).toContain('--package Bad Name: not a valid npm package name');
    const zh = captureIo({ cwd: temp });
    expect(await runCli(['new-node', '--lang', 'zh-CN'], zh)).toBe(2);
    expect(zh.err()).toContain('请给出节点类型');
  });

  it('generates a package whose source type-checks and whose own test passes', async () => {
    const io = captureIo({ cwd: REPO });
    expect(await runCli(['new-node', 'acme.refund', '--dir', inRepo], io)).toBe(0);
    writeFileSync(join(inRepo, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['src'] }));
    await run(join(REPO, 'node_modules/.bin/tsc'), ['-p', join(inRepo, 'tsconfig.json')], { cwd: REPO });
    const test = await run(join(REPO, 'node_modules/.bin/vitest'), ['run', inRepo, '--reporter', 'verbose'], {
      cwd: REPO,
      env: { ...process.env, CI: 'true' },
    });
    expect(test.stdout).toMatch(/6 passed/);
    expect(test.stdout).toContain('POSTs the ticket with the API key and the idempotency key');
  }, 90_000);
});
