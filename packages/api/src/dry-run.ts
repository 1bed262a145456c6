import { Priority, Ticket, TicketEventType, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';
import { FlowDocument } from './flows';
import { AgentInput, RosterInput } from './roster';

/** A scripted event of a sample ticket: `at` is `+15m`-style after `createdAt`, or an ISO time; then the event's fields. */
export const SampleEvent = z
  .looseObject({ at: z.string(), type: TicketEventType })
  .meta({ id: 'SampleEvent', example: { at: '+15m', type: 'customer.message', body: '还没发货吗？' } });

/** A sample ticket of the dry-run contract: the vocabulary's fields and scripted events. */
export const SampleTicket = Ticket.extend({
  createdAt: Ticket.shape.createdAt.optional(),
  events: z.array(SampleEvent).optional(),
  expect: z.unknown().optional(),
  note: z.string().optional(),
}).meta({ id: 'SampleTicket' });

/**
 * POST /api/flows/:id/dry-run: runs sample tickets through a published `version`, an
 * unsaved `document`, or (neither given) the current draft. With `others: "deployed"` (the
 * default) the flow runs together with the other deployed flows in their run order, as in
 * production, so it sees what earlier flows set; `"none"` runs it alone. The roster is the
 * server's unless `agents` is given (`{ groups, agents }` as in examples/agents.json, or a
 * list of agents).
 */
export const DryRunRequest = z
  .strictObject({
    version: z.number().int().positive().optional(),
    document: FlowDocument.optional(),
    tickets: z.array(SampleTicket).min(1).max(1000),
    agents: z.union([RosterInput, z.array(AgentInput)]).optional(),
    others: z.enum(['deployed', 'none']).default('deployed'),
    /** Also answer why: each result's `decisions` (every condition passed, its answer and the inputs it read) and each action's `inputs`. */
    explain: z.boolean().optional(),
  })
  .refine((r) => r.version === undefined || r.document === undefined, {
    message: 'give a version or a document, not both',
    path: ['document'],
  })
  .meta({ id: 'DryRunRequest' });
export type DryRunRequest = z.input<typeof DryRunRequest>;

export const DryRunAction = z
  .object({
    at: z.string(),
    flow: z.string(),
    node: z.string(),
    type: z.string(),
    params: z.record(z.string(), z.unknown()),
    /** What the action weighed (an assignment's candidates and why each was passed over); only when explained. */
    inputs: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'DryRunAction' });

/** A condition the path passed: when, in which flow, its answer (the port taken) and the inputs it looked at. */
export const DryRunDecision = z
  .object({
    at: z.string(),
    flow: z.string(),
    node: z.string(),
    answer: z.string(),
    inputs: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'DryRunDecision' });

/** One ticket's outcome, per the dry-run contract (SCENARIOS.md), plus `paths` split by flow. */
export const DryRunResult = z
  .object({
    ticketId: z.string(),
    path: z.array(z.string()),
    actions: z.array(DryRunAction),
    final: z.object({
      status: TicketStatus,
      priority: Priority,
      category: z.string().nullable(),
      group: z.string().nullable(),
      assignee: z.string().nullable(),
      tags: z.array(z.string()),
      flags: z.array(z.string()),
      /** The level-two category (issue 21), an extension after the contract's fields; absent in results written before it existed. */
      subcategory: z.string().nullable().default(null),
    }),
    errors: z.array(z.object({ at: z.string(), flow: z.string(), node: z.string().optional(), message: z.string() })),
    paths: z.record(z.string(), z.array(z.string())),
    /** Each condition passed, in path order, with its answer and inputs: present when the run was asked to explain. */
    decisions: z.array(DryRunDecision).optional(),
  })
  .meta({ id: 'DryRunResult' });
export type DryRunResult = z.infer<typeof DryRunResult>;
export const DryRunResults = z.array(DryRunResult);
