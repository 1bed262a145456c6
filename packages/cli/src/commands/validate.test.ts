import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

const ValidateJson = z.array(
  z.strictObject({
    file: z.string(),
    flowId: z.string().nullable(),
    ok: z.boolean(),
    diagnostics: z.array(z.looseObject({ code: z.string(), severity: z.enum(['error', 'warning']), message: z.string() })),
  }),
);

describe('switchyard validate', () => {
  it('exits 0 and says ok when every flow is valid', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', 'flows/sla.json'], io)).toBe(0);
    expect(io.out()).toContain('flows/classify.json: ok (7 nodes, 7 edges)');
    expect(io.out()).toContain('2 of 2 flows valid');
    expect(io.err()).toBe('');
  });

  it('exits 1 and prints each problem as "file: node <id>: field: message"', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', 'flows/invalid.json'], io)).toBe(1);
    expect(io.out()).toContain('flows/invalid.json: node isUrgent: config.keywords: add at least one keyword\n');
    expect(io.out()).toContain('1 of 2 flows valid');
  });

  it('speaks Chinese with --lang zh-CN and by default under a zh LANG', async () => {
    for (const [argv, env] of [
      [['--lang', 'zh-CN'], {}],
      [[], { LANG: 'zh_CN.UTF-8' }],
    ] as const) {
      const io = captureIo({ env });
      expect(await runCli(['validate', 'flows/invalid.json', ...argv], io)).toBe(1);
      expect(io.out()).toContain('flows/invalid.json: 节点 isUrgent: config.keywords: 至少添加一个关键词');
    }
  });

  it('prints [{ file, flowId, ok, diagnostics }] with --json', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', 'flows/invalid.json', '--json'], io)).toBe(1);
    const report = ValidateJson.parse(JSON.parse(io.out()));
    expect(report.map((r) => [r.file, r.flowId, r.ok])).toEqual([
      ['flows/classify.json', 'classify', true],
      ['flows/invalid.json', 'invalid', false],
    ]);
    expect(report[1]!.diagnostics[0]).toMatchObject({ code: 'invalid_config', nodeId: 'isUrgent', field: 'config.keywords' });
  });

  it('exits 2 naming every unreadable file, with the line of a JSON syntax error, and prints nothing to stdout', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', 'flows/not-json.json', 'flows/missing.json', '--json'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('flows/not-json.json:4:13: not valid JSON (unexpected ",")');
    expect(io.err()).toContain('flows/missing.json: no such file');
  });

  it('knows the custom nodes of the config given with --config', async () => {
    const without = captureIo();
    expect(await runCli(['validate', 'custom/stamped.json'], without)).toBe(1);
    expect(without.out()).toContain('custom/stamped.json: node stamp: type: unknown node type "test.stamp"');
    const io = captureIo();
    expect(await runCli(['validate', 'custom/stamped.json', '--config', 'custom/stamp.config.ts'], io)).toBe(0);
  });

  it('exits 2 for a --config file that does not exist', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', '--config', 'nope.config.ts'], io)).toBe(2);
    expect(io.err()).toContain('nope.config.ts: no such config file');
  });

  it('exits 2 without flow files, and prints usage with --help', async () => {
    const io = captureIo();
    expect(await runCli(['validate'], io)).toBe(2);
    expect(io.err()).toContain('give at least one flow file');
    const help = captureIo();
    expect(await runCli(['validate', '--help'], help)).toBe(0);
    expect(help.out()).toContain('Usage: switchyard validate');
    expect(help.out()).toContain('--lang zh-CN|en');
  });
});
