import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { compileFlow } from '@switchyard/compiler';
import { FlowDocument, validateFlow } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';
import { dryRun, parseTicketsFile } from '@switchyard/runtime';
import { describe, expect, it } from 'vitest';
import { checkExpectation } from './check-expectation';
import { Expectation } from './expectation';

/*
 * The fourteen example flows run together, in file order (intake-classify first), over every
 * sample ticket file, as production runs them; each ticket's `expect` is checked.
 */
const here = import.meta.dirname;
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** Ticket files that need a roster other than agents.json (scenario 3's "nobody free" branch). */
const ROSTER_FOR: Readonly<Record<string, string>> = { '03-after-sales-routing-busy.jsonl': 'agents-busy.json' };

const flowFiles = readdirSync(join(here, 'flows'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const documents = flowFiles.map((file) => ({ file, json: JSON.parse(readFileSync(join(here, 'flows', file), 'utf8')) as unknown }));
const compiled = documents.map(({ json }) => compileFlow(json, registry));
const rosters = new Map<string, Roster>();
const rosterFor = (file: string): Roster => {
  const name = ROSTER_FOR[file] ?? 'agents.json';
  let roster = rosters.get(name);
  if (!roster) rosters.set(name, (roster = Roster.parse(JSON.parse(readFileSync(join(here, name), 'utf8')))));
  return roster;
};

const ticketFiles = readdirSync(join(here, 'tickets'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const runs = await Promise.all(
  ticketFiles.map(async (file) => {
    const tickets = parseTicketsFile(readFileSync(join(here, 'tickets', file), 'utf8'), `examples/tickets/${file}`);
    const results = await dryRun(compiled, tickets, { registry, roster: rosterFor(file) });
    return { file, cases: tickets.map((ticket, i) => ({ id: ticket.id, ticket, result: results[i]! })) };
  }),
);
const allCases = runs.flatMap((run) => run.cases);

describe('example flows', () => {
  // Every reply, notice and call has an error branch (to a flag a person follows up): no warning either.
  it.each(documents)('$file validates with no diagnostics at all', ({ json }) => {
    expect(validateFlow(json, registry).diagnostics).toEqual([]);
  });

  it('are the ten scenarios and the service-level ones, in order, each with a ticket file named after it', () => {
    expect(compiled.map((f) => f.id)).toEqual([
      'intake-classify',
      'logistics-auto-reply',
      'after-sales-routing',
      'sla-first-response',
      'csat-survey',
      'abnormal-ticket',
      'human-handoff',
      'auto-resolve-no-reply',
      'urgent-fault-ladder',
      'complaint-billing',
      'sla-business-hours',
      'tech-cause-24h',
      'refund-approval',
      'urgent-senior-first',
    ]);
    for (const file of flowFiles) expect(ticketFiles).toContain(file.replace(/\.json$/, '.jsonl'));
  });

  it('use node and edge ids unique across all flows, so a multi-flow path reads unambiguously', () => {
    const parsed = documents.map(({ json }) => FlowDocument.parse(json));
    const nodeIds = parsed.flatMap((d) => d.nodes.map((n) => n.id));
    const edgeIds = parsed.flatMap((d) => d.edges.map((e) => e.id));
    expect(nodeIds.length).toBe(new Set(nodeIds).size);
    expect(edgeIds.length).toBe(new Set(edgeIds).size);
  });

  it('have every branch of every condition taken by at least one sample ticket', () => {
    const taken = new Set(
      allCases.flatMap(({ result }) =>
        Object.entries(result.paths).flatMap(([flow, path]) => path.slice(1).map((node, i) => `${flow}/${path[i]} -> ${node}`)),
      ),
    );
    const untaken = documents.flatMap(({ json }) => {
      const doc = FlowDocument.parse(json);
      const kinds = new Map(doc.nodes.map((n) => [n.id, registry.get(n.type)?.kind]));
      return doc.edges
        .filter((e) => kinds.get(e.source) === 'condition' && !taken.has(`${doc.id}/${e.source} -> ${e.target}`))
        .map((e) => `${doc.id}/${e.source}.${e.sourceHandle} -> ${e.target}`);
    });
    expect(untaken).toEqual([]);
  });

  it('have every node visited by at least one sample ticket, but the failure branches a dry-run cannot take', () => {
    const visited = new Set(allCases.flatMap(({ result }) => result.path));
    // A dry-run delivers every reply, notice and call, so the nodes only an `error` port leads to
    // (a flag for a person to follow up) are not visited by a sample ticket: validation checks they are wired.
    const onlyOnFailure = new Set(
      documents.flatMap(({ json }) => {
        const { edges } = FlowDocument.parse(json);
        const targets = (port: (p: string) => boolean) => new Set(edges.filter((e) => port(e.sourceHandle)).map((e) => e.target));
        const other = targets((p) => p !== 'error');
        return [...targets((p) => p === 'error')].filter((id) => !other.has(id));
      }),
    );
    expect(onlyOnFailure.size).toBe(12);
    const unvisited = compiled.flatMap((flow) =>
      Object.keys(flow.nodes)
        .filter((id) => !visited.has(id) && !onlyOnFailure.has(id))
        .map((id) => `${flow.id}/${id}`),
    );
    expect(unvisited).toEqual([]);
  });
});

describe('sample tickets', () => {
  it('are at least 120, Chinese and English', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(120);
    expect(allCases.some(({ ticket }) => /[\u4e00-\u9fff]/.test(ticket.subject + ticket.body))).toBe(true);
    expect(allCases.some(({ ticket }) => !/[\u4e00-\u9fff]/.test(ticket.subject + ticket.body))).toBe(true);
  });

  describe.each(runs)('$file', ({ cases }) => {
    it.each(cases)('$id', ({ id, ticket, result }) => {
      const expectation = Expectation.safeParse(ticket.expect);
      expect(expectation.error?.issues, `ticket ${id}: malformed expect`).toBeUndefined();
      const problems = checkExpectation(result, expectation.data!, Date.parse(ticket.createdAt));
      expect(problems, `ticket ${id}`).toEqual([]);
    });
  });
});
