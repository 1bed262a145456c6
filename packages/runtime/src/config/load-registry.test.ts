import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinNodes } from '@switchyard/nodes';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry, registryOfConfig } from './load-registry';

describe('loadRegistry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (name: string, source: string) => {
    writeFileSync(join(dir, name), source);
    return name;
  };

  it('gives the built-ins to a project without a config file, and refuses a named file that is missing', async () => {
    expect((await loadRegistry(dir)).all()).toHaveLength(builtinNodes.length);
    await expect(loadRegistry(dir, 'nope.config.mjs')).rejects.toThrow('nope.config.mjs: no such config file');
  });

  it('refuses a config whose nodes are not a list of definitions, naming the file', async () => {
    await expect(loadRegistry(dir, config('string.config.mjs', 'export default { nodes: "billing.suspend" };'))).rejects.toThrow(
      /string\.config\.mjs: export default defineConfig/,
    );
    await expect(loadRegistry(dir, config('numbers.config.mjs', 'export default { nodes: [1] };'))).rejects.toThrow(/numbers\.config\.mjs/);
  });

  it('names the file in front of the registry refusing a definition', async () => {
    const bad = config('bad-type.config.mjs', 'export default { nodes: [{ type: "Billing Suspend", kind: "action" }] };');
    await expect(loadRegistry(dir, bad)).rejects.toThrow('bad-type.config.mjs: node type "Billing Suspend": type must be snake_case');
  });

  it('checks a config module imported already (the precompiled server bundles the project config) as it checks a file', () => {
    const custom = { ...builtinNodes[0], type: 'custom_probe' };
    expect(registryOfConfig({ default: { nodes: [custom] } }, 'bundled.config.ts').all()).toHaveLength(builtinNodes.length + 1);
    expect(() => registryOfConfig({ default: { nodes: 'x' } }, 'bundled.config.ts')).toThrow(/bundled\.config\.ts: export default/);
    expect(() => registryOfConfig({ default: { nodes: [builtinNodes[0]] } }, 'bundled.config.ts')).toThrow(/^bundled\.config\.ts: /);
  });
});
