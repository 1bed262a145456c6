import type { CompiledFlow } from '@switchyard/compiler';
import type { FlowDocument } from '@switchyard/flow';
import { Agent, Roster } from '@switchyard/nodes';
import { z } from 'zod';
import { dryRun } from '../dry-run/dry-run';
import type { DryRunResult } from '../dry-run/dry-run-result';
import { SampleTicket } from '../dry-run/sample-ticket';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { compileOrRefuse } from './compile-or-refuse';
import { parseInput } from './invalid-input';
import { loadCalendarBook } from './calendars';
import { loadRoster } from './load-roster';
import { readCompiled, readDraft } from './read-document';

/** What to dry-run a flow with. */
export interface DryRunFlowOptions {
  /** A published version; without it (and without `document`) the current draft. */
  readonly version?: number | undefined;
  /** An unsaved document, parsed (the route's `DryRunRequest`); its id must be the flow's. */
  readonly document?: FlowDocument | undefined;
  /** Sample tickets of the dry-run contract, checked here. */
  readonly tickets: readonly unknown[];
  /** `{ groups, agents }` or a list of agents; the database's roster when absent. */
  readonly roster?: unknown;
  /** Run the flow alone instead of among the deployed flows. */
  readonly alone?: boolean | undefined;
  /** Report each condition's answer and inputs (`decisions`) and what actions weighed (`inputs`). */
  readonly explain?: boolean | undefined;
}

const RosterInput = z.union([Roster, z.array(Agent).transform((agents): Roster => ({ groups: [], agents }))]);
const Tickets = z.array(SampleTicket).superRefine((tickets, ctx) => {
  const seen = new Set<string>();
  tickets.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `ticket id ${t.id} appears twice` });
    seen.add(t.id);
  });
});

/**
 * Dry-runs sample tickets through one flow (a published version, an unsaved document or
 * the draft) on a virtual clock. By default the flow runs among the deployed flows, in
 * their order, as production would run it (so it sees the category intake set); it takes
 * its own place when deployed, else runs last. Nothing is written.
 * @example const results = await dryRunFlow(ctx, 'after-sales-routing', { tickets });
 */
export async function dryRunFlow(ctx: RuntimeContext, flowId: string, options: DryRunFlowOptions): Promise<DryRunResult[]> {
  const tickets = parseInput(Tickets, options.tickets, 'tickets');
  const givenRoster = options.roster === undefined ? undefined : parseInput(RosterInput, options.roster, 'agents');
  const target = await targetFlow(ctx, flowId, options);
  const flows = options.alone ? [target] : withDeployed(await deployedFlows(ctx), target);
  const roster = givenRoster ?? (await loadRoster(ctx.db));
  const calendars = await loadCalendarBook(ctx.db);
  return dryRun(flows, tickets, { registry: ctx.registry, roster, calendars, ...(options.explain ? { explain: true } : {}) });
}

/** The flow a dry-run or backtest runs: a published version, an unsaved document, or the draft (compiled). */
export async function targetFlow(ctx: RuntimeContext, flowId: string, options: DryRunFlowOptions): Promise<CompiledFlow> {
  if (options.version !== undefined && options.document !== undefined) {
    throw new RuntimeInputError('invalid request', 400, [{ path: 'document', message: 'give a version or a document, not both' }]);
  }
  const flow = await ctx.db.selectFrom('flows').select('draft').where('id', '=', flowId).executeTakeFirst();
  if (!flow) throw new NotFoundError('flow', flowId);
  if (options.version !== undefined) {
    const row = await ctx.db
      .selectFrom('flow_versions')
      .select('compiled')
      .where('flow_id', '=', flowId)
      .where('version', '=', options.version)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('flow version', `${flowId}@${options.version}`);
    return readCompiled(flowId, options.version, row.compiled);
  }
  if (options.document === undefined) return compileOrRefuse(flowId, readDraft(flowId, flow.draft), ctx.registry);
  const { document } = options;
  if (document.id !== flowId)
    throw new RuntimeInputError('invalid request', 400, [{ path: 'document.id', message: `must be the flow's id "${flowId}"` }]);
  return compileOrRefuse(flowId, document, ctx.registry);
}

/** The stable version of every deployed flow, in run order. */
async function deployedFlows(ctx: RuntimeContext): Promise<CompiledFlow[]> {
  const rows = await ctx.db
    .selectFrom('deployments as d')
    .innerJoin('flow_versions as v', (join) => join.onRef('v.flow_id', '=', 'd.flow_id').onRef('v.version', '=', 'd.stable'))
    .select(['v.flow_id', 'v.version', 'v.compiled'])
    .orderBy('d.position')
    .orderBy('d.flow_id')
    .execute();
  return rows.map((row) => readCompiled(row.flow_id, row.version, row.compiled));
}

function withDeployed(deployed: readonly CompiledFlow[], target: CompiledFlow): CompiledFlow[] {
  const at = deployed.findIndex((f) => f.id === target.id);
  return at === -1 ? [...deployed, target] : deployed.map((f, i) => (i === at ? target : f));
}
