import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { boundVersion } from '../rollout/bucket';

export interface FlowBinding {
  readonly flowId: string;
  readonly version: number;
}

/**
 * Binds new tickets to each deployed flow: its candidate version when a ticket's bucket
 * falls inside the rollout percentage, else its stable one. The binding never changes
 * afterwards (only an explicit migration moves it). Call it in the transaction that
 * creates the tickets: the deployment read here is the one they are bound by.
 */
export async function bindDeployedFlows(
  trx: Kysely<Database>,
  ticketIds: readonly string[],
  now: Date,
): Promise<Map<string, FlowBinding[]>> {
  const deployments = await trx
    .selectFrom('deployments')
    .select(['flow_id', 'stable', 'candidate', 'percent'])
    .orderBy('position')
    .orderBy('flow_id')
    .execute();
  const bindings = new Map(
    ticketIds.map((id) => [id, deployments.map((d) => ({ flowId: d.flow_id, version: boundVersion(d, d.flow_id, id) }))]),
  );
  const rows = [...bindings].flatMap(([ticketId, flows]) => flows.map((b) => ({ ticketId, flowId: b.flowId, version: b.version })));
  if (rows.length === 0) return bindings;
  // Three arrays instead of a VALUES row per binding: a bulk import binds thousands of tickets to
  // every flow, and one statement stays cheap to parse whatever the count. The outcome rows are
  // written by the same statement (their trigger counts per version, once per statement).
  await sql`
    with bound as (
      insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
      select b.ticket_id, b.flow_id, b.version, null, ${flowVisitsShape.json({})}::jsonb, ${now}::timestamptz
      from unnest(${rows.map((r) => r.ticketId)}::text[], ${rows.map((r) => r.flowId)}::text[], ${rows.map((r) => r.version)}::int[])
        as b(ticket_id, flow_id, version)
      returning ticket_id, flow_id, version
    )
    insert into ticket_outcomes (ticket_id, flow_id, version, started_at)
    select ticket_id, flow_id, version, ${now}::timestamptz from bound`.execute(trx);
  return bindings;
}
