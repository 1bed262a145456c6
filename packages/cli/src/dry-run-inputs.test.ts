import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from './__fixtures__/capture-io';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-roster-'));
const flow = join(dir, 'route.json');
writeFileSync(
  flow,
  JSON.stringify({
    id: 'route',
    name: 'route',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'pick', type: 'assign', config: { strategy: 'least_loaded', group: 'after_sales' } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'pick' }],
  }),
);
const tickets = join(dir, 'tickets.jsonl');
writeFileSync(tickets, `${JSON.stringify({ id: 'T1', channel: 'chat', customer: { id: 'c1' } })}\n`);

describe('dry-run without --agents', () => {
  it('warns on stderr that least-loaded assignment picks nobody, and still runs', async () => {
    const io = captureIo();
    expect(await runCli(['dry-run', flow, '--tickets', tickets, '--json'], io)).toBe(0);
    expect(io.err()).toContain('no --agents given');
    expect(JSON.parse(io.out())).toMatchObject({ ticketId: 'T1', final: { group: 'after_sales', assignee: null } });
  });

  it('says nothing when the flows never pick an agent by load', async () => {
    const io = captureIo();
    expect(await runCli(['dry-run', 'flows/sla.json', '--tickets', 'tickets/tickets.jsonl', '--json'], io)).toBe(0);
    expect(io.err()).not.toContain('--agents');
  });
});
