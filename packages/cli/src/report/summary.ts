import type { DryRunError, DryRunResult } from '@switchyard/runtime';
import type { DryRunFlow, DryRunInputs } from '../dry-run-inputs';
import { formatOffset } from './format-offset';
import { alignColumns, type ReportOptions, reportStyle } from './report-style';

/** How many tickets took each port of one condition node. */
export interface BranchCount {
  readonly flow: string;
  readonly node: string;
  readonly type: string;
  /** Ports in the node's drawing order; a ticket that took several ports counts in each. */
  readonly ports: readonly { readonly port: string; readonly tickets: number }[];
  /** Tickets whose run failed at the node (its code threw), so they took no port. */
  readonly failed: number;
  /** Tickets that never reached the node. */
  readonly notReached: number;
}

/** The numbers under a dry-run report. */
export interface RunSummary {
  readonly total: number;
  readonly clean: number;
  readonly failed: number;
  /** Tickets per final "status / category / group", most common first. */
  readonly outcomes: readonly { readonly outcome: string; readonly tickets: number }[];
  readonly branches: readonly BranchCount[];
  /** Every error, with its virtual time as an offset from the ticket's creation. */
  readonly errors: readonly { readonly ticketId: string; readonly offset: string; readonly error: DryRunError }[];
}

/** The final state a team sorts by: where the ticket stands, what it is, who has it. */
export function outcomeOf(result: DryRunResult): string {
  const { status, category, subcategory, group } = result.final;
  // The level two, when there is one, beside its level one: "fault › login_failure".
  const what = category === null ? '—' : subcategory === null ? category : `${category} › ${subcategory}`;
  return [status, what, group ?? '—'].join(' / ');
}

/**
 * Summarizes dry-run results: tickets per outcome, per branch of every condition node of
 * every flow, and every error. Branches are read from each flow's path: the node after a
 * condition is where one of its edges leads.
 * @example summarize(results, inputs).branches[0] // { flow: 'intake', node: 'isComplaint', ports: [...] }
 */
export function summarize(results: readonly DryRunResult[], inputs: Pick<DryRunInputs, 'flows' | 'tickets' | 'registry'>): RunSummary {
  const outcomes = new Map<string, number>();
  for (const result of results) outcomes.set(outcomeOf(result), (outcomes.get(outcomeOf(result)) ?? 0) + 1);
  const createdAt = new Map(inputs.tickets.map((t) => [t.id, Date.parse(t.createdAt)]));
  const failed = results.filter((r) => r.errors.length > 0).length;
  return {
    total: results.length,
    clean: results.length - failed,
    failed,
    outcomes: [...outcomes]
      .map(([outcome, tickets]) => ({ outcome, tickets }))
      .sort((a, b) => b.tickets - a.tickets || a.outcome.localeCompare(b.outcome)),
    branches: inputs.flows.flatMap((flow) => branchCounts(results, flow, inputs.registry)),
    errors: results.flatMap((r) =>
      r.errors.map((error) => ({
        ticketId: r.ticketId,
        offset: formatOffset(Date.parse(error.at) - (createdAt.get(r.ticketId) ?? 0)),
        error,
      })),
    ),
  };
}

function branchCounts(results: readonly DryRunResult[], flow: DryRunFlow, registry: DryRunInputs['registry']): BranchCount[] {
  const { compiled, document } = flow;
  const counts: BranchCount[] = [];
  for (const [node, { kind, type, version, config }] of Object.entries(compiled.nodes)) {
    if (kind !== 'condition') continue;
    const outgoing = document.edges.filter((e) => e.source === node);
    const takers = new Map<string, Set<string>>((registry.get(type, version)?.ports(config) ?? []).map((p) => [p, new Set<string>()]));
    let reached = 0;
    let failed = 0;
    for (const result of results) {
      const path = result.paths[compiled.id] ?? [];
      let seen = false;
      for (let i = 0; i + 1 < path.length; i++) {
        if (path[i] !== node) continue;
        seen = true;
        // Two ports may lead to the same node; the path cannot tell them apart then.
        const port = outgoing
          .filter((e) => e.target === path[i + 1])
          .map((e) => e.sourceHandle)
          .join('|');
        takers.set(port, (takers.get(port) ?? new Set<string>()).add(result.ticketId));
      }
      if (seen) reached++;
      else if (result.errors.some((e) => e.flow === compiled.id && e.node === node)) failed++;
    }
    const ports = [...takers].map(([port, tickets]) => ({ port, tickets: tickets.size }));
    counts.push({ flow: compiled.id, node, type, ports, failed, notReached: results.length - reached - failed });
  }
  return counts;
}

/** The summary as text: counts, outcomes, branches, errors. */
export function renderSummary(summary: RunSummary, options: ReportOptions): string {
  const { c, m, label } = reportStyle(options);
  const counts = m.ticketCounts(summary.total, summary.clean, summary.failed);
  const heading = [label(m.summary), summary.failed ? c.red(counts) : c.green(counts)].join(options.locale === 'zh-CN' ? '' : ' ');
  const lines = [c.bold(heading), `  ${label(m.outcomes)}`];
  for (const { outcome, tickets } of summary.outcomes) lines.push(`    ${String(tickets).padStart(4)}  ${outcome}`);
  lines.push(`  ${label(m.branches)}`);
  if (summary.branches.length === 0) lines.push(`    ${m.noConditions}`);
  const branchRows = summary.branches.map((b) => [
    `${b.flow}/${b.node}`,
    b.type,
    [
      ...b.ports.map((p) => `${p.port} ${p.tickets}`),
      ...(b.failed ? [c.red(`${m.failedHere} ${b.failed}`)] : []),
      ...(b.notReached ? [`${m.notReached} ${b.notReached}`] : []),
    ].join(' · '),
  ]);
  for (const row of alignColumns(branchRows)) lines.push(`    ${row.join('  ')}`);
  lines.push(`  ${label(m.errorsHeading)}`);
  if (summary.errors.length === 0) lines.push(`    ${m.none}`);
  for (const { ticketId, offset, error } of summary.errors) {
    const where = `${error.flow}${error.node ? `/${error.node}` : ''}`;
    // One line per error here; the ticket's section above has the whole message.
    lines.push(c.red(`    ${ticketId}  ${offset}  ${where}: ${error.message.split('\n')[0]}`));
  }
  return `${lines.join('\n')}\n`;
}
