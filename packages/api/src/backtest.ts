import { Channel, INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { DryRunResult } from './dry-run';
import { FlowDocument } from './flows';

const Time = z.iso.datetime({ offset: true });

/** Which recorded tickets a backtest replays besides the window: all optional. */
export const BacktestFilter = z
  .strictObject({
    group: z.string().min(1).max(INPUT_LIMITS.id).optional(),
    channel: Channel.optional(),
    category: z.string().min(1).max(INPUT_LIMITS.id).optional(),
  })
  .meta({ id: 'BacktestFilter' });
export type BacktestFilter = z.infer<typeof BacktestFilter>;

/**
 * POST /api/flows/:id/backtest: replays the tickets created in `[from, to)` (at most `limit`,
 * oldest first) through a published `version`, an unsaved `document`, or (neither given) the
 * current draft, beside the versions those tickets really ran.
 */
export const BacktestRequest = z
  .strictObject({
    version: z.number().int().positive().optional(),
    document: FlowDocument.optional(),
    from: Time,
    to: Time,
    limit: z.number().int().min(1).max(100_000).optional(),
    filter: BacktestFilter.optional(),
  })
  .refine((r) => r.version === undefined || r.document === undefined, {
    message: 'give a version or a document, not both',
    path: ['document'],
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: '"from" must be before "to"', path: ['to'] })
  .meta({ id: 'BacktestRequest' });
export type BacktestRequest = z.input<typeof BacktestRequest>;

/**
 * How a ticket's outcome differs under the candidate: its assignment (group or agent),
 * category, priority, status, tags or flags; escalations or SLA breaches it adds or removes;
 * the replies it sends; its other side effects (notify, http, survey, handoff...).
 */
export const DifferenceKind = z
  .enum([
    'assignment',
    'category',
    'priority',
    'status',
    'tags',
    'escalation_added',
    'escalation_removed',
    'sla_breach_caused',
    'sla_breach_avoided',
    'replies',
    'effects',
  ])
  .meta({ id: 'DifferenceKind' });
export type DifferenceKind = z.infer<typeof DifferenceKind>;
export const DIFFERENCE_KINDS = DifferenceKind.options;

/**
 * The first point where the replay of a ticket's own versions disagrees with what production
 * recorded: `field` names what differs (`path`, `actions`, `errors`, `slaBreaches`, a final
 * field such as `category`, or `history` when the history cannot be replayed), `flow` the flow.
 */
export const ReplayError = z
  .object({
    field: z.string(),
    flow: z.string().optional(),
    index: z.number().int().optional(),
    production: z.unknown(),
    replay: z.unknown(),
  })
  .meta({ id: 'ReplayError' });
export type ReplayError = z.infer<typeof ReplayError>;

/** One replay: the dry-run contract's object plus the SLA breaches (waits whose deadline passed). */
export const ReplayRun = DryRunResult.extend({ slaBreaches: z.number().int() }).meta({ id: 'ReplayRun' });
export type ReplayRun = z.infer<typeof ReplayRun>;

/** A ticket whose outcome differs, or whose replay failed, in a job's answer. */
export const BacktestDifference = z
  .object({
    ticketId: z.string(),
    number: z.string(),
    subject: z.string(),
    kinds: z.array(DifferenceKind),
    replayError: ReplayError.nullable(),
  })
  .meta({ id: 'BacktestDifference' });
export type BacktestDifference = z.infer<typeof BacktestDifference>;

export const BacktestStatus = z.enum(['running', 'done', 'failed', 'cancelled']).meta({ id: 'BacktestStatus' });
export type BacktestStatus = z.infer<typeof BacktestStatus>;

/** A backtest job without its differences (the list's rows). */
export const BacktestSummary = z
  .object({
    id: z.string(),
    flowId: z.string(),
    /** The version replayed, or null for a draft or unsaved document. */
    version: z.number().int().nullable(),
    status: BacktestStatus,
    from: Time,
    to: Time,
    limit: z.number().int().nullable(),
    filter: BacktestFilter,
    total: z.number().int(),
    done: z.number().int(),
    differing: z.number().int(),
    replayErrors: z.number().int(),
    /** `recorded`: the agents' loads recorded at each assignment; `today`: some tickets used today's roster. */
    roster: z.enum(['recorded', 'today']),
    /** Why the job failed, when it did. */
    error: z.string().nullable(),
    createdAt: Time,
    createdBy: z.string(),
    finishedAt: Time.nullable(),
  })
  .meta({ id: 'BacktestSummary' });
export type BacktestSummary = z.infer<typeof BacktestSummary>;
export const BacktestList = z.array(BacktestSummary).meta({ id: 'BacktestList' });

/** GET /api/backtests/:id: progress, the differing tickets so far, and their count per kind. */
export const Backtest = BacktestSummary.extend({
  byKind: z.array(z.object({ kind: DifferenceKind, tickets: z.array(z.string()) })),
  differences: z.array(BacktestDifference),
}).meta({ id: 'Backtest' });
export type Backtest = z.infer<typeof Backtest>;

/** POST /api/flows/:id/backtest's answer (202): the job, running in the workers. */
export const BacktestStarted = z.object({ id: z.string(), total: z.number().int() }).meta({ id: 'BacktestStarted' });

/** GET /api/backtests/:id/tickets/:ticketId: what production did, and both replays side by side. */
export const BacktestTicket = BacktestDifference.extend({
  roster: z.enum(['recorded', 'today']),
  baseline: ReplayRun,
  candidate: ReplayRun,
}).meta({ id: 'BacktestTicket' });
export type BacktestTicket = z.infer<typeof BacktestTicket>;
