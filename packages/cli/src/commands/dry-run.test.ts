import { Priority, TicketStatus } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

/** One `--json` line, exactly as SCENARIOS.md's dry-run contract has it (plus `paths` and `final.subcategory`). */
const ContractLine = z.strictObject({
  ticketId: z.string(),
  path: z.array(z.string()),
  actions: z.array(
    z.strictObject({
      at: z.iso.datetime(),
      flow: z.string(),
      node: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
  ),
  final: z.strictObject({
    status: TicketStatus,
    priority: Priority,
    category: z.string().nullable(),
    group: z.string().nullable(),
    assignee: z.string().nullable(),
    tags: z.array(z.string()),
    flags: z.array(z.string()),
    subcategory: z.string().nullable(),
  }),
  errors: z.array(z.strictObject({ at: z.iso.datetime(), flow: z.string(), node: z.string().optional(), message: z.string() })),
  paths: z.record(z.string(), z.array(z.string())),
});

const FLOWS = ['flows/classify.json', 'flows/sla.json'];
const TICKETS = ['--tickets', 'tickets/tickets.json', '--agents', 'agents/agents.json'];

async function jsonLines(argv: string[]) {
  const io = captureIo();
  const code = await runCli(['dry-run', ...argv, '--json'], io);
  const lines = io.out().trimEnd().split('\n');
  return {
    code,
    io,
    results: lines.map((line) => ContractLine.parse(JSON.parse(line))),
    keys: lines.map((l) => Object.keys(JSON.parse(l) as object)),
  };
}

describe('switchyard dry-run --json', () => {
  it('prints one contract object per ticket per line, fields in the contract order, and exits 0', async () => {
    const { code, results, keys, io } = await jsonLines([...FLOWS, ...TICKETS]);
    expect(code).toBe(0);
    expect(io.err()).toBe('');
    expect(results.map((r) => r.ticketId)).toEqual(['T-1', 'T-2', 'T-3']);
    expect(keys[0]).toEqual(['ticketId', 'path', 'actions', 'final', 'errors', 'paths']);
  });

  it('adds each condition passed with its answer and inputs under --explain, and only then (issue 18)', async () => {
    const io = captureIo();
    expect(await runCli(['dry-run', ...FLOWS, ...TICKETS, '--json', '--explain'], io)).toBe(0);
    const lines = io
      .out()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { path: string[]; decisions: { flow: string; node: string; answer: string; inputs?: unknown }[] });
    const late = lines[1]!;
    expect(late.decisions.find((d) => d.flow === 'sla' && d.node === 'isLogistics')).toMatchObject({
      answer: 'true',
      inputs: { field: 'category' },
    });
    expect(late.decisions.every((d) => late.path.includes(d.node))).toBe(true);
    const { keys } = await jsonLines([...FLOWS, ...TICKETS]);
    expect(keys[0]).not.toContain('decisions');
  });

  it('runs the flows together in the order given: the second sees what the first decided', async () => {
    const { results } = await jsonLines([...FLOWS, ...TICKETS]);
    const late = results.find((r) => r.ticketId === 'T-2')!;
    expect(late.paths.sla).toEqual(['start', 'isLogistics', 'waitReply', 'breached', 'escalate']);
    expect(late.actions.map((a) => [a.at, a.flow, a.type])).toEqual([
      ['2026-01-05T01:00:00.000Z', 'classify', 'set_category'],
      ['2026-01-05T01:00:00.000Z', 'classify', 'assign'],
      ['2026-01-05T02:30:00.000Z', 'sla', 'add_tag'],
      ['2026-01-05T02:30:00.000Z', 'sla', 'escalate'],
    ]);
    expect(late.final).toMatchObject({ category: 'logistics', assignee: 'a2', tags: ['sla_breached'] });
    // T-1's agent replied at +20m, inside the SLA.
    expect(results[0]!.final.tags).toEqual([]);

    // Reversed, the SLA flow runs before anything set the category, so it never starts its wait.
    const reversed = await jsonLines([...[...FLOWS].reverse(), ...TICKETS]);
    expect(reversed.results.find((r) => r.ticketId === 'T-2')!.paths.sla).toEqual(['start', 'isLogistics', 'done']);
  });

  it('reads JSON-lines tickets and runs without an agents file (nobody to assign)', async () => {
    const { code, results } = await jsonLines(['flows/classify.json', '--tickets', 'tickets/tickets.jsonl']);
    expect(code).toBe(0);
    expect(results.map((r) => [r.ticketId, r.final.category, r.final.assignee])).toEqual([
      ['L-1', 'logistics', null],
      ['L-2', 'inquiry', null],
    ]);
  });

  it('exits 1 when a ticket ends in an error, naming the flow and node', async () => {
    const { code, results } = await jsonLines(['flows/classify.json', 'flows/fragile.json', '--tickets', 'tickets/tickets.jsonl']);
    expect(code).toBe(1);
    expect(results[0]!.errors).toEqual([
      expect.objectContaining({ flow: 'fragile', node: 'check', message: expect.stringContaining('startsWith') as string }),
    ]);
    // The failing flow stops; the other still ran.
    expect(results[0]!.final.category).toBe('logistics');
  });

  it('uses the custom nodes of --config', async () => {
    const { code, results } = await jsonLines([
      'custom/stamped.json',
      '--config',
      'custom/stamp.config.ts',
      '--tickets',
      'tickets/tickets.jsonl',
    ]);
    expect(code).toBe(0);
    expect(results[0]!.final.tags).toEqual(['stamped']);
  });
});

describe('switchyard dry-run (readable report)', () => {
  it('shows each ticket with its path, timed actions and final state, then the summary', async () => {
    const io = captureIo();
    expect(await runCli(['dry-run', ...FLOWS, ...TICKETS], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('■ T-2  Where is my delivery?');
    expect(out).toContain('sla       start → isLogistics → waitReply → breached → escalate');
    expect(out).toMatch(/\+1h30m {2}2026-01-05T02:30:00\.000Z {2}sla +escalate +escalate +level=1 to=supervisor reason="no first reply"/);
    expect(out).toContain('status=new  priority=normal  category=logistics  group=logistics  assignee=a2  tags=sla_breached  flags=—');
    expect(out).toContain('Summary: 3 tickets · 3 ran clean · 0 with errors');
    expect(out).toMatch(/2 {2}new \/ logistics \/ logistics/);
    expect(out).toMatch(/classify\/isLogistics +text_contains +true 2 · false 1/);
    expect(out).not.toContain('\u001b[');
  });

  it('lists errors per ticket and in the summary, and exits 1', async () => {
    const io = captureIo();
    expect(await runCli(['dry-run', 'flows/fragile.json', '--tickets', 'tickets/tickets.jsonl'], io)).toBe(1);
    expect(io.out()).toContain('fragile  ✗ check');
    expect(io.out()).toMatch(/fragile\/check +expression +true 0 · false 0 · error 2/);
    expect(io.out()).toContain("L-2  +0m  fragile/check: found no matching overload for 'string.startsWith(int)'");
  });

  it('is in Chinese under --lang zh-CN and coloured only when asked', async () => {
    const io = captureIo({ color: true });
    await runCli(['dry-run', ...FLOWS, ...TICKETS, '--lang', 'zh-CN'], io);
    expect(io.out()).toContain('路径：');
    expect(io.out()).toContain('3 张工单');
    expect(io.out()).toContain('\u001b[');
  });
});

describe('switchyard dry-run: bad input exits 2 and prints nothing to stdout', () => {
  const cases: [string, string[], string[]][] = [
    [
      'an invalid flow names file, node and field',
      ['flows/invalid.json', '--tickets', 'tickets/tickets.json'],
      ['flows/invalid.json: node isUrgent: config.keywords: add at least one keyword'],
    ],
    [
      'a bad ticket field names file, line and field',
      ['flows/classify.json', '--tickets', 'tickets/bad-field.jsonl'],
      ['tickets/bad-field.jsonl:2: field channel: '],
    ],
    [
      'broken JSON in a tickets array names the line',
      ['flows/classify.json', '--tickets', 'tickets/bad-json.json'],
      ['tickets/bad-json.json:3:16: not valid JSON (unexpected "\\"")'],
    ],
    [
      'a bad agents file names file and field',
      ['flows/classify.json', ...TICKETS.slice(0, 2), '--agents', 'agents/bad-agents.json'],
      ['agents/bad-agents.json: field agents.1.openTickets: '],
    ],
    [
      'missing files are named',
      ['flows/nope.json', '--tickets', 'tickets/nope.json'],
      ['flows/nope.json: no such file', 'tickets/nope.json: no such file'],
    ],
    [
      'the same flow twice is refused',
      ['flows/classify.json', 'flows/classify.json', '--tickets', 'tickets/tickets.json'],
      ['flow id classify is already used by flows/classify.json'],
    ],
    ['--tickets is required', ['flows/classify.json'], ['--tickets <file> is required']],
    [
      'every problem is reported at once',
      ['flows/invalid.json', '--tickets', 'tickets/bad-field.jsonl'],
      ['flows/invalid.json: node isUrgent', 'tickets/bad-field.jsonl:2: field channel'],
    ],
  ];
  it.each(cases)('%s', async (_name, argv, messages) => {
    for (const json of [[], ['--json']]) {
      const io = captureIo();
      expect(await runCli(['dry-run', ...argv, ...json], io)).toBe(2);
      expect(io.out()).toBe('');
      for (const message of messages) expect(io.err()).toContain(message);
    }
  });
});
