import { describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

describe('switchyard schema', () => {
  it('prints the flow document schema, with the id pattern and required fields', async () => {
    const io = captureIo();
    expect(await runCli(['schema', 'flow'], io)).toBe(0);
    const schema = JSON.parse(io.out()) as { required: string[]; properties: { id: { pattern: string } } };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'nodes', 'edges']));
    expect(schema.properties.id.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_-]*$');
  });

  it('prints the sample ticket schema, where only id, channel and customer are required', async () => {
    const io = captureIo();
    expect(await runCli(['schema', 'ticket'], io)).toBe(0);
    const schema = JSON.parse(io.out()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required.sort()).toEqual(['channel', 'customer', 'id']);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['events', 'expect', 'createdAt']));
  });

  it('exits 2 naming the choices for anything else', async () => {
    const io = captureIo();
    expect(await runCli(['schema', 'toString'], io)).toBe(2);
    expect(io.err()).toContain('flow or ticket');
    expect(io.out()).toBe('');
  });
});
