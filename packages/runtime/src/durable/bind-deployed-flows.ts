import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { boundVersion } from '../rollout/bucket';
import { startOutcomes } from './record-outcome';

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
  const rows = [...bindings].flatMap(([ticketId, flows]) =>
    flows.map((b) => ({
      ticket_id: ticketId,
      flow_id: b.flowId,
      version: b.version,
      snapshot: null,
      visits: flowVisitsShape.json({}),
      updated_at: now,
    })),
  );
  if (rows.length > 0) await trx.insertInto('ticket_flows').values(rows).execute();
  await startOutcomes(
    trx,
    rows.map((r) => ({ ticketId: r.ticket_id, flowId: r.flow_id, version: r.version })),
    now,
  );
  return bindings;
}
