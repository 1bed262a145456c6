import { FINAL_FIELDS } from '@switchyard/flow';
import type { DryRunResult, SampleTicket } from '@switchyard/runtime';
import type { DryRunInputs } from '../dry-run-inputs';
import { formatOffset } from './format-offset';
import { formatParams } from './format-params';
import { alignColumns, hangingIndent, type ReportOptions, reportStyle } from './report-style';
import { renderSummary, summarize } from './summary';

function finalValue(value: string | readonly string[] | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return value.length ? value.join(',') : '—';
}

/**
 * One ticket's dry-run for people: the ticket, the path through each flow, the actions
 * on the virtual clock ("+1h30m" from creation, and the ISO time), the final state and
 * any errors.
 */
export function renderTicket(result: DryRunResult, ticket: SampleTicket | undefined, options: ReportOptions): string {
  const { c, m, label } = reportStyle(options);
  const created = ticket ? Date.parse(ticket.createdAt) : Date.parse(result.actions[0]?.at ?? '');
  const offset = (at: string) => formatOffset(Date.parse(at) - created);
  const about = ticket ? c.dim(`(${ticket.channel} · ${ticket.customer.tier} · ${ticket.createdAt})`) : '';
  const lines = [[c.bold(c.cyan(`■ ${result.ticketId}`)), ticket?.subject, about].filter(Boolean).join('  '), `  ${label(m.path)}`];

  const pathRows = Object.entries(result.paths).map(([flow, nodes]) => {
    // A run stopped by an error ends where the error names; mark it so the path is not read as complete.
    const failed = result.errors.filter((e) => e.flow === flow).map((e) => c.red(`✗ ${e.node ?? ''}`.trim()));
    const shown = nodes.length || failed.length ? [...nodes, ...failed].join(' → ') : c.dim(m.notTriggered);
    return [flow, shown];
  });
  for (const row of alignColumns(pathRows)) lines.push(`    ${row.join('  ')}`);

  lines.push(`  ${label(m.actions)}`);
  if (result.actions.length === 0) lines.push(`    ${m.none}`);
  const actionRows = result.actions.map((a) => [offset(a.at), a.at, a.flow, a.node, a.type, formatParams(a.params)]);
  for (const [time = '', iso = '', ...rest] of alignColumns(actionRows))
    lines.push(`    ${c.yellow(time)}  ${c.dim(iso)}  ${rest.join('  ')}`);

  lines.push(`  ${label(m.final)}`);
  // The level two is shown when a flow set one: most tickets have none, and a column of dashes says nothing.
  const shown = FINAL_FIELDS.filter((field) => field !== 'subcategory' || result.final.subcategory !== null);
  lines.push(`    ${shown.map((field) => `${field}=${finalValue(result.final[field])}`).join('  ')}`);

  if (result.errors.length) {
    lines.push(c.red(`  ${label(m.errors)}`));
    for (const error of result.errors) {
      const head = `    ${offset(error.at)}  ${error.flow}${error.node ? `/${error.node}` : ''}: `;
      lines.push(c.red(`${head}${hangingIndent(error.message, ' '.repeat(head.length))}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The readable dry-run report: every ticket in input order, then the summary (tickets
 * per outcome, per branch, errors).
 * @example io.stdout(textReport(results, inputs, { locale: 'en', color: false }));
 */
export function textReport(
  results: readonly DryRunResult[],
  inputs: Pick<DryRunInputs, 'flows' | 'tickets' | 'registry'>,
  options: ReportOptions,
): string {
  const tickets = new Map(inputs.tickets.map((t) => [t.id, t]));
  const sections = results.map((r) => renderTicket(r, tickets.get(r.ticketId), options));
  return [...sections, renderSummary(summarize(results, inputs), options)].join('\n');
}
