import type { QueueRowInfo, QueueSort, TicketView } from '@switchyard/api';
import { type Kysely, sql, type SqlBool } from 'kysely';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import type { Database } from '../db/schema';
import { ticketViews } from '../durable/ticket-views';
import { decodeCursor, encodeCursor, PRIORITY_RANK_SQL, type QueueCursor } from './queue-cursor';
import { inScope, likePattern, type QueueCaller, queueFacts, STEP_IN_WINDOW_MS, viewCondition } from './queue-sql';

/** A queue page's question: the view, the order, a search, where the last page ended, and the plain filters. */
export interface QueueQuery {
  readonly view?: string | undefined;
  readonly sort?: QueueSort | undefined;
  readonly q?: string | undefined;
  readonly cursor?: string | undefined;
  readonly status?: string | undefined;
  readonly group?: string | undefined;
  readonly assignee?: string | undefined;
  readonly limit?: number | undefined;
}

/**
 * One page of a console queue: the caller's tickets in the view, searched, sorted by urgency
 * (priority, earliest SLA deadline, oldest) or newest first, after the cursor. Each row carries
 * its queue facts (at risk, overdue, abnormal with the time to step in) and its own cursor.
 */
export async function listQueue(
  db: Kysely<Database>,
  query: QueueQuery,
  caller: QueueCaller,
  options: { readonly now: Date; readonly atRiskMs: number; readonly keys?: DataKeyRing | undefined },
): Promise<TicketView[]> {
  const facts = queueFacts(options.now, options.atRiskMs);
  const rank = sql.raw<number>(PRIORITY_RANK_SQL);
  const dueOrEnd = sql<Date>`coalesce(${facts.due}, 'infinity'::timestamptz)`;
  const sort = query.sort ?? 'newest';
  let select = db
    .selectFrom('tickets as t')
    .select(['t.id', 't.created_at', 't.touched_at', 't.abnormal_at'])
    .select([
      rank.as('rank'),
      facts.due.as('due'),
      facts.atRisk.as('at_risk'),
      facts.overdue.as('overdue'),
      facts.steppedIn.as('stepped_in'),
      facts.abnormal.as('abnormal'),
    ])
    .where(inScope(caller))
    .where(viewCondition(query.view ?? 'all', caller, facts))
    .limit(Math.min(Math.max(query.limit ?? 50, 1), 1000));
  if (query.status) select = select.where('t.status', '=', query.status);
  if (query.group) select = select.where('t.group', '=', query.group);
  if (query.assignee) select = select.where('t.assignee', '=', query.assignee);
  if (query.q) select = select.where(sql<SqlBool>`t.search_text like ${likePattern(query.q)} escape '\\'`);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (sort === 'urgency') {
    if (after?.s === 'urgency') {
      const due = after.d === null ? sql`'infinity'::timestamptz` : sql`${new Date(after.d)}::timestamptz`;
      select = select.where(
        sql<SqlBool>`(${rank}, ${dueOrEnd}, t.created_at, t.id) > (${after.p}, ${due}, ${new Date(after.c)}, ${after.i})`,
      );
    }
    select = select.orderBy(rank).orderBy(dueOrEnd).orderBy('t.created_at').orderBy('t.id');
  } else {
    if (after?.s === 'newest') select = select.where(sql<SqlBool>`(t.created_at, t.id) < (${new Date(after.c)}, ${after.i})`);
    select = select.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc');
  }
  const rows = await select.execute();
  const views = new Map(
    (
      await ticketViews(
        db,
        rows.map((r) => r.id),
        options.keys,
      )
    ).map((v) => [v.id, v]),
  );
  return rows.flatMap((row) => {
    const view = views.get(row.id);
    if (!view) return [];
    const due = row.due === null ? null : new Date(row.due);
    const cursor: QueueCursor =
      sort === 'urgency'
        ? { s: 'urgency', p: Number(row.rank), d: due?.toISOString() ?? null, c: row.created_at.toISOString(), i: row.id }
        : { s: 'newest', c: row.created_at.toISOString(), i: row.id };
    const queue: QueueRowInfo = {
      atRisk: Boolean(row.at_risk),
      overdue: Boolean(row.overdue),
      dueAt: due?.toISOString() ?? null,
      touchedAt: row.touched_at?.toISOString() ?? null,
      abnormal:
        row.abnormal && row.abnormal_at
          ? {
              since: row.abnormal_at.toISOString(),
              stepInBy: new Date(row.abnormal_at.getTime() + STEP_IN_WINDOW_MS).toISOString(),
              steppedIn: Boolean(row.stepped_in),
            }
          : null,
      cursor: encodeCursor(cursor),
    };
    return [{ ...view, queue }];
  });
}
