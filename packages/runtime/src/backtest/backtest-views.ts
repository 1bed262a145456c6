import { type Backtest, type BacktestSummary, type BacktestTicket, DIFFERENCE_KINDS } from '@switchyard/api';
import type { Kysely, Selectable } from 'kysely';
import type { BacktestsTable, Database } from '../db/schema';
import { backtestDifferenceShape, backtestFilterShape, backtestReplaysShape } from '../db/stored/backtest-shapes';
import { readStored } from '../db/stored/read-stored';
import { NotFoundError } from '../errors';

type JobRow = Omit<Selectable<BacktestsTable>, 'candidate'>;
const JOB_COLUMNS = [
  'id',
  'flow_id',
  'version',
  'from_at',
  'to_at',
  'as_of',
  'max_tickets',
  'filter',
  'status',
  'total',
  'done',
  'differing',
  'replay_errors',
  'roster_today',
  'cursor_at',
  'cursor_id',
  'lease_until',
  'error',
  'created_at',
  'created_by',
  'finished_at',
] as const;

function summaryOf(row: JobRow): BacktestSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    version: row.version,
    status: row.status,
    from: row.from_at.toISOString(),
    to: row.to_at.toISOString(),
    limit: row.max_tickets,
    filter: readStored(backtestFilterShape, row.filter, { table: 'backtests', key: row.id }),
    total: row.total,
    done: row.done,
    differing: row.differing,
    replayErrors: row.replay_errors,
    roster: row.roster_today ? 'today' : 'recorded',
    error: row.error,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * A backtest with its progress and the tickets that differ or failed to replay so far (also
 * while it runs), and for each kind of difference its tickets.
 * @example const job = await getBacktest(db, id); job.byKind.find((k) => k.kind === 'category')?.tickets;
 */
export async function getBacktest(db: Kysely<Database>, id: string): Promise<Backtest> {
  const row = await db.selectFrom('backtests').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('backtest', id);
  const rows = await db
    .selectFrom('backtest_tickets')
    .select(['ticket_id', 'summary'])
    .where('backtest_id', '=', id)
    .orderBy('seq')
    .execute();
  const differences = rows.map((r) =>
    readStored(backtestDifferenceShape, r.summary, { table: 'backtest_tickets', key: `${id}/${r.ticket_id}` }),
  );
  const byKind = DIFFERENCE_KINDS.map((kind) => ({
    kind,
    tickets: differences.filter((d) => d.kinds.includes(kind)).map((d) => d.ticketId),
  })).filter((k) => k.tickets.length > 0);
  return { ...summaryOf(row), byKind, differences };
}

/** Backtests, newest first (of one flow when given). */
export async function listBacktests(db: Kysely<Database>, flowId?: string): Promise<BacktestSummary[]> {
  let query = db.selectFrom('backtests').select(JOB_COLUMNS).orderBy('created_at', 'desc').limit(200);
  if (flowId !== undefined) query = query.where('flow_id', '=', flowId);
  return (await query.execute()).map(summaryOf);
}

/** One ticket of a backtest that differs or failed to replay: both replays side by side. */
export async function getBacktestTicket(db: Kysely<Database>, id: string, ticketId: string): Promise<BacktestTicket> {
  const row = await db
    .selectFrom('backtest_tickets')
    .select(['summary', 'detail'])
    .where('backtest_id', '=', id)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('backtest ticket', `${id}/${ticketId}`);
  const at = { table: 'backtest_tickets', key: `${id}/${ticketId}` };
  return { ...readStored(backtestDifferenceShape, row.summary, at), ...readStored(backtestReplaysShape, row.detail, at) };
}

/** Stops a running backtest: the batch in flight is dropped, what was recorded stays. A finished one is left as it is. */
export async function cancelBacktest(db: Kysely<Database>, id: string, now: Date): Promise<BacktestSummary> {
  await db
    .updateTable('backtests')
    .set({ status: 'cancelled', lease_until: null, finished_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
  const row = await db.selectFrom('backtests').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('backtest', id);
  return summaryOf(row);
}

/** Deletes a backtest and its results (a running one stops). */
export async function deleteBacktest(db: Kysely<Database>, id: string): Promise<void> {
  const deleted = await db.deleteFrom('backtests').where('id', '=', id).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new NotFoundError('backtest', id);
}
