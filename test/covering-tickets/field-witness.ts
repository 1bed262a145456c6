import { Ticket, type TicketEvent, TicketStatus } from '@switchyard/flow';
import { EMPTY_STATS, type NodeContext } from '@switchyard/nodes';
import { type WitnessField, witnessOf } from './condition-witnesses';
import { answerOf, gateOpens } from './flow-node';
import type { TicketStep } from './script-steps';

/** The ticket fields and scripted event values the script's field conditions and filters need. */
export interface FieldSolution {
  /** The neutral ticket with the initial fields set. */
  readonly ticket: Ticket;
  /** The status each scripted `ticket.status` step brings. */
  readonly statuses: ReadonlyMap<number, TicketStatus>;
  /** The score each scripted `survey.response` step brings. */
  readonly scores: ReadonlyMap<number, number>;
  readonly problems: readonly string[];
}

/** The ticket with one field set, or undefined when the field cannot hold the value (the `Ticket` schema decides). */
export function withField(ticket: Ticket, field: WitnessField, value: unknown): Ticket | undefined {
  const changed = field === 'customer.tier' ? { ...ticket, customer: { ...ticket.customer, tier: value } } : { ...ticket, [field]: value };
  const parsed = Ticket.safeParse(changed);
  return parsed.success ? parsed.data : undefined;
}

/** One field value to choose: the ticket's initial field, or the status a `ticket.status` step brings. */
interface Slot {
  readonly field: WitnessField;
  readonly statusStep?: number;
  readonly candidates: unknown[];
  readonly tests: { readonly label: string; readonly holds: (ctx: NodeContext) => boolean }[];
}

const contextOf = (ticket: Ticket, event?: TicketEvent): NodeContext => ({
  ticket,
  stats: EMPTY_STATS,
  now: new Date(ticket.createdAt),
  ...(event ? { event } : {}),
  vars: {},
});

/**
 * Chooses field values by trying candidates with the real conditions and filters: the
 * initial ticket fields first, then the status of each scripted `ticket.status` step (a
 * status condition after such a step reads the status it brought, and the wait or trigger
 * it passes must let it through).
 */
export function solveFields(neutral: Ticket, steps: readonly TicketStep[]): FieldSolution {
  const slots = new Map<string, Slot>();
  const slotOf = (field: WitnessField, statusStep?: number): Slot => {
    const key = statusStep === undefined ? field : `status@${statusStep}`;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { field, ...(statusStep === undefined ? {} : { statusStep }), candidates: [], tests: [] }));
    return slot;
  };
  let lastStatusStep: number | undefined;
  const scores = new Map<number, number>();
  const problems: string[] = [];
  for (const step of steps) {
    const type = step.played.event.type;
    if (type === 'ticket.status') {
      lastStatusStep = step.index;
      const gate = step.gate;
      const slot = slotOf('status', step.index);
      slot.candidates.push(...TicketStatus.options);
      if (gate) slot.tests.push({ label: `${gate.id} lets it through`, holds: (ctx) => gateOpens(gate, ctx) });
    }
    if (type === 'survey.response') {
      const score = [5, 4, 3, 2, 1].find(
        (s) => !step.gate || gateOpens(step.gate, contextOf(neutral, { type: 'survey.response', score: s })),
      );
      if (score === undefined) problems.push(`no survey score passes ${step.gate?.id}`);
      scores.set(step.index, score ?? 5);
    }
    for (const { node, port } of step.choices) {
      const witness = witnessOf(node.def.type);
      if (witness.kind !== 'field') continue;
      const field = witness.field(node.config);
      const slot = slotOf(field, field === 'status' ? lastStatusStep : undefined);
      slot.candidates.push(...witness.candidates(node.config));
      slot.tests.push({ label: `${node.id}=${port}`, holds: (ctx) => answerOf(node, ctx) === port });
    }
  }
  // Initial fields first: a status step's slot is tried on the ticket they make.
  const ordered = [...slots.values()].sort((a, b) => (a.statusStep ?? -1) - (b.statusStep ?? -1));
  let ticket = neutral;
  const statuses = new Map<number, TicketStatus>();
  for (const slot of ordered) {
    const current = slot.field === 'customer.tier' ? ticket.customer.tier : ticket[slot.field];
    const found = unique([current, ...slot.candidates]).flatMap((value) => {
      const candidate = withField(ticket, slot.field, value);
      const event: TicketEvent | undefined =
        slot.statusStep === undefined || !candidate ? undefined : { type: 'ticket.status', status: candidate.status };
      return candidate && slot.tests.every((t) => t.holds(contextOf(candidate, event))) ? [candidate] : [];
    })[0];
    const where = slot.statusStep === undefined ? '' : ' on a ticket.status event';
    if (!found) problems.push(`no value of ${slot.field}${where} gives ${slot.tests.map((t) => t.label).join(' and ')}`);
    if (slot.statusStep !== undefined) statuses.set(slot.statusStep, found?.status ?? ticket.status);
    else if (found) ticket = found;
  }
  return { ticket, statuses, scores, problems };
}

function unique(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v) ?? 'undefined';
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
