import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, EMPTY_STATS } from '@switchyard/nodes';
import { pino } from 'pino';
import { createManualClock, type ManualClock } from '../../clock';
import type { SwitchyardDatabase } from '../../db/create-database';
import { json } from '../../db/schema';
import { ticketStatsShape } from '../../db/stored/ticket-stats-shape';
import type { RuntimeContext } from '../../durable/runtime-context';

/** The built-ins plus the example billing node, as the example flows need. */
export const exampleRegistry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** A runtime context on a test database, with a manual clock and a silent logger. */
export function catalogContext(store: SwitchyardDatabase): RuntimeContext & { clock: ManualClock } {
  return {
    db: store.db,
    registry: exampleRegistry,
    clock: createManualClock('2026-05-01T09:00:00+08:00'),
    logger: pino({ level: 'silent' }),
  };
}

/** A small valid flow: on a new ticket, tag it. Parsed, as the routes hand documents to the catalog. */
export function tagFlow(id: string, tag = 'seen'): FlowDocument {
  return FlowDocument.parse({
    id,
    name: `Tag ${tag}`,
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'tag', type: 'add_tag', config: { tag } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'tag' }],
  });
}

/** Puts tickets in the database directly, to count agents' load without the durable runtime. */
export async function insertTickets(
  store: SwitchyardDatabase,
  tickets: readonly { id: string; status: string; assignee: string | null; group?: string }[],
): Promise<void> {
  const at = new Date('2026-05-01T01:00:00Z');
  await store.db
    .insertInto('customers')
    .values({ id: 'c1', name: 'Test', tier: 'standard', contact: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const t of tickets) {
    await store.db
      .insertInto('tickets')
      .values({
        id: t.id,
        number: `N-${t.id}`,
        channel: 'chat',
        subject: '',
        body: '',
        customer_id: 'c1',
        order_id: null,
        category: null,
        priority: 'normal',
        status: t.status,
        group: t.group ?? null,
        assignee: t.assignee,
        tags: json([]),
        flags: json([]),
        escalation_level: 0,
        stats: ticketStatsShape.json(EMPTY_STATS),
        created_at: at,
        updated_at: at,
        wake_at: null,
      })
      .execute();
  }
}
