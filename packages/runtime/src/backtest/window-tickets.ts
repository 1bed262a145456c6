import type { BacktestFilter } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The tickets a backtest replays: created in `[from, to)`, narrowed by group, channel and category (as they are now). */
export interface TicketWindow {
  readonly from: Date;
  readonly to: Date;
  readonly filter: BacktestFilter;
}

/** A query over the window's tickets (select what you need from it). */
export function windowTickets(db: Kysely<Database>, { from, to, filter }: TicketWindow) {
  let query = db.selectFrom('tickets').where('created_at', '>=', from).where('created_at', '<', to);
  if (filter.group !== undefined) query = query.where('group', '=', filter.group);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.category !== undefined) query = query.where('category', '=', filter.category);
  return query;
}

/** The next `limit` ticket ids of the window after a cursor, oldest first (then by id). */
export async function nextWindowTickets(
  db: Kysely<Database>,
  window: TicketWindow,
  after: { readonly at: Date; readonly id: string } | undefined,
  limit: number,
): Promise<{ id: string; created_at: Date }[]> {
  let query = windowTickets(db, window).select(['id', 'created_at']);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '>', after.id)])]),
    );
  }
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}
