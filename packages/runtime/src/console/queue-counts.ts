import { QUEUE_VIEWS, type QueueCounts } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type QueueCaller, queueFacts, viewCondition } from './queue-sql';

/** How many tickets each view holds for the caller, and per agent of the caller's reach: open, at risk, overdue. */
export async function queueCounts(
  db: Kysely<Database>,
  caller: QueueCaller,
  options: { readonly now: Date; readonly atRiskMs: number },
): Promise<QueueCounts> {
  const facts = queueFacts(options.now, options.atRiskMs);
  const views = await db
    .selectFrom('tickets as t')
    .select(QUEUE_VIEWS.map((view) => sql<string>`count(*) filter (where ${viewCondition(view, caller, facts)})`.as(view)))
    .where(inScope(caller))
    .executeTakeFirst();
  const perAgent = await db
    .selectFrom('tickets as t')
    .innerJoin('agents as a', 'a.id', 't.assignee')
    .select(['a.id', 'a.name'])
    .select([
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where ${facts.atRisk})`.as('at_risk'),
      sql<string>`count(*) filter (where ${facts.overdue})`.as('overdue'),
    ])
    .where(inScope(caller))
    .where(facts.open)
    .groupBy(['a.id', 'a.name'])
    .orderBy('a.id')
    .execute();
  const count = (view: string): number => Number(views ? Reflect.get(views, view) : 0);
  return {
    queues: {
      mine: count('mine'),
      group: count('group'),
      unassigned: count('unassigned'),
      at_risk: count('at_risk'),
      overdue: count('overdue'),
      abnormal: count('abnormal'),
      all: count('all'),
    },
    agents: perAgent.map((a) => ({
      agentId: a.id,
      name: a.name,
      open: Number(a.open),
      atRisk: Number(a.at_risk),
      overdue: Number(a.overdue),
    })),
  };
}
