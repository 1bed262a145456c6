import { describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

describe('switchyard compile', () => {
  it('prints the compiled flow as pretty JSON', async () => {
    const io = captureIo();
    expect(await runCli(['compile', 'flows/classify.json'], io)).toBe(0);
    const compiled = JSON.parse(io.out()) as { id: string; machine: { initial: string; states: Record<string, unknown> } };
    expect(compiled.id).toBe('classify');
    expect(compiled.machine.initial).toBe('_idle');
    // Actions are states; the condition isLogistics is folded into the guarded transitions out of _idle.
    expect(Object.keys(compiled.machine.states)).toContain('setLogistics');
    expect(io.out()).toContain('"steps": [\n');
    expect(io.out()).toMatch(/"isLogistics",\s+"true"/);
    expect(io.out()).toMatch(/^\{\n {2}"id": "classify"/);
  });

  it('exits 2 with the diagnostics on stderr for an invalid flow', async () => {
    const io = captureIo();
    expect(await runCli(['compile', 'flows/invalid.json'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('flows/invalid.json: node isUrgent: config.keywords: add at least one keyword');
  });

  it('exits 2 for a missing file or more than one flow', async () => {
    const missing = captureIo();
    expect(await runCli(['compile', 'flows/missing.json'], missing)).toBe(2);
    expect(missing.err()).toContain('flows/missing.json: no such file');
    const two = captureIo();
    expect(await runCli(['compile', 'flows/classify.json', 'flows/sla.json'], two)).toBe(2);
    expect(two.err()).toContain('exactly one flow file');
  });
});
