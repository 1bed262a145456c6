import { NewTicket } from '@switchyard/api';
import { bilingual } from '@switchyard/flow';
import { fieldIssues } from '../catalog/invalid-input';
import { RuntimeInputError } from '../errors';
import { withMonthSequence } from './create-ticket';
import { openTicketsAlone, type ParsedNewTicket } from './open-tickets';
import type { RuntimeContext } from './runtime-context';

/** Lines one import may hold; a larger export is sent as several imports. */
export const MAX_IMPORT_LINES = 20_000;

/** One bad line of an import: its number (1-based, as an editor shows it), the field and what is wrong. */
export interface ImportIssue {
  readonly line: number;
  readonly path: string;
  readonly message: string;
}

/** What an import opened: each line's ticket, in the order of the lines. */
export interface ImportedTickets {
  readonly imported: number;
  readonly tickets: readonly { line: number; id: string; number: string }[];
}

const NOT_JSON = bilingual('this line is not JSON', '此行不是 JSON');
const EMPTY = bilingual('no tickets: send one JSON ticket per line', '没有工单：每行发送一个 JSON 工单');
const TOO_MANY = bilingual(`more than ${MAX_IMPORT_LINES} lines: split the file`, `超过 ${MAX_IMPORT_LINES} 行：请拆分文件`);
/** Issues reported at most (the first ones, in line order): a wholly wrong file need not answer a megabyte. */
const MAX_ISSUES = 100;

/**
 * Parses a JSON-lines import: every non-empty line a `NewTicket` (the body of `POST /api/tickets`).
 * Throws a 400 naming each bad line and field (the first 100); blank lines are skipped but counted.
 * @example const tickets = parseImportLines('{"channel":"email","subject":"退款","customer":{"id":"c1"}}\n');
 */
export function parseImportLines(text: string): { line: number; ticket: ParsedNewTicket }[] {
  const lines = text.split('\n');
  const tickets: { line: number; ticket: ParsedNewTicket }[] = [];
  const issues: ImportIssue[] = [];
  lines.forEach((raw, index) => {
    const source = raw.trim();
    if (source === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      issues.push({ line, path: '', message: NOT_JSON });
      return;
    }
    const parsed = NewTicket.safeParse(value);
    if (parsed.success) tickets.push({ line, ticket: parsed.data });
    else issues.push(...fieldIssues(parsed.error).map((issue) => ({ line, ...issue })));
  });
  if (issues.length > 0)
    throw new RuntimeInputError(
      `${new Set(issues.map((i) => i.line)).size} bad line(s), nothing imported: line ${issues[0]?.line ?? 0}${issues[0]?.path ? ` ${issues[0].path}` : ''}: ${issues[0]?.message ?? ''}`,
      400,
      issues.slice(0, MAX_ISSUES),
    );
  if (tickets.length === 0) throw new RuntimeInputError(EMPTY, 400, [{ line: 1, path: '', message: EMPTY }]);
  if (tickets.length > MAX_IMPORT_LINES)
    throw new RuntimeInputError(TOO_MANY, 400, [{ line: MAX_IMPORT_LINES + 1, path: '', message: TOO_MANY }]);
  return tickets;
}

/**
 * Imports tickets from another helpdesk, all or nothing: every line is validated first (a bad
 * line: a 400 naming each bad line and field, and nothing is written), then all of them open in
 * one transaction (a failed write leaves nothing behind either, so a retry of the same file never
 * doubles tickets). Each is opened as `POST /api/tickets` opens one (numbered in this month, bound
 * to the deployed flows, its `ticket.created` queued), one statement per table per 1,000 tickets, the chunks sent one behind the other.
 * @example const { imported } = await importTickets(ctx, lines, 'admin');
 */
export async function importTickets(ctx: RuntimeContext, text: string, actor: string): Promise<ImportedTickets> {
  const lines = parseImportLines(text);
  const now = ctx.clock.now();
  const opened = await withMonthSequence(ctx, now, (month) =>
    openTicketsAlone(
      ctx.db,
      ctx,
      lines.map(({ ticket }) => ({ ticket, actor })),
      month,
      now,
    ),
  );
  ctx.metrics?.ticketsCreated.inc({ via: 'bulk' }, opened.length);
  return {
    imported: opened.length,
    tickets: opened.map((o, i) => ({ line: lines[i]?.line ?? 0, id: o.id, number: o.number })),
  };
}
