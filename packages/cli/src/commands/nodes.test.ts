import { describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

describe('switchyard nodes', () => {
  it('lists node types by kind with their ports, in the chosen language', async () => {
    const io = captureIo();
    expect(await runCli(['nodes', '--lang', 'zh-CN'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^触发器\n/);
    expect(out).toMatch(/text_contains +文本包含 +\[true \| false\]/);
    expect(out).toMatch(/wait_for_event +等待事件 +\[event \| timeout\]/);
    expect(out).toMatch(/http +HTTP 请求 +\[next \| error\] +（外部调用）/);
    expect(out.indexOf('条件')).toBeLessThan(out.indexOf('动作'));
  });

  it('prints the catalog with JSON Schema configs, custom nodes of --config included', async () => {
    const io = captureIo();
    expect(await runCli(['nodes', '--json', '--config', 'custom/stamp.config.ts'], io)).toBe(0);
    const catalog = JSON.parse(io.out()) as { type: string; configSchema: { type?: string } }[];
    expect(catalog.map((n) => n.type)).toContain('test.stamp');
    expect(catalog.find((n) => n.type === 'assign')?.configSchema.type).toBe('object');
  });
});
