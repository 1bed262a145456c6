import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues, FlowDocument } from '@switchyard/flow';
import { Roster } from '@switchyard/nodes';
import { sql } from 'kysely';
import type { RuntimeContext } from '../durable/runtime-context';
import { createFlow } from './create-flow';
import { deployVersion } from './deploy-version';
import { inTransaction } from './in-transaction';
import { publishVersion } from './publish-version';
import { upsertAgent } from './upsert-agent';
import { upsertGroup } from './upsert-group';

/** Who the audit log names for what seeding did. */
export const SEED_ACTOR = 'system:seed';

/** One step of seeding, for a progress line: flow `done` of `total` checked, or the roster. */
export type SeedProgress =
  | { readonly step: 'flow'; readonly done: number; readonly total: number; readonly flowId: string; readonly added: boolean }
  | { readonly step: 'roster'; readonly groups: number; readonly agents: number };

/** What one seeding added; all empty when everything was already there. */
export interface SeedReport {
  readonly flows: readonly string[];
  readonly groups: readonly string[];
  readonly agents: readonly string[];
}

/**
 * Loads the example flows (`<dir>/flows/*.json`: created, published and deployed to every
 * new ticket, running in file order) and the roster (`<dir>/agents.json`). Idempotent and
 * safe for several processes starting at once: what exists is left alone (a flow or an
 * agent edited since is never overwritten), and the work is one transaction under an
 * advisory lock.
 * @example await seedExamples(ctx, 'examples');
 */
export async function seedExamples(
  ctx: RuntimeContext,
  examplesDir: string,
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<SeedReport> {
  const flowsDir = join(examplesDir, 'flows');
  const files = (await readdir(flowsDir)).filter((f) => f.endsWith('.json')).sort();
  const documents = await Promise.all(files.map(async (file) => readExample(join(flowsDir, file))));
  const roster = Roster.parse(JSON.parse(await readFile(join(examplesDir, 'agents.json'), 'utf8')));
  return inTransaction(ctx.db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('switchyard.seed-examples'))`.execute(trx);
    const tx: RuntimeContext = { ...ctx, db: trx };
    const report = { flows: [] as string[], groups: [] as string[], agents: [] as string[] };
    for (const [position, document] of documents.entries()) {
      const exists = await trx.selectFrom('flows').select('id').where('id', '=', document.id).executeTakeFirst();
      if (!exists) {
        await createFlow(tx, { name: document.name, document }, SEED_ACTOR);
        const { version } = await publishVersion(tx, document.id, SEED_ACTOR);
        await deployVersion(tx, document.id, version, SEED_ACTOR, position);
        report.flows.push(document.id);
      }
      onProgress({ step: 'flow', done: position + 1, total: documents.length, flowId: document.id, added: !exists });
    }
    const groups = new Set((await trx.selectFrom('groups').select('id').execute()).map((g) => g.id));
    for (const group of roster.groups.filter((g) => !groups.has(g.id))) {
      await upsertGroup(tx, group, SEED_ACTOR);
      report.groups.push(group.id);
    }
    const agents = new Set((await trx.selectFrom('agents').select('id').execute()).map((a) => a.id));
    for (const agent of roster.agents.filter((a) => !agents.has(a.id))) {
      await upsertAgent(tx, agent, SEED_ACTOR);
      report.agents.push(agent.id);
    }
    onProgress({ step: 'roster', groups: report.groups.length, agents: report.agents.length });
    return report;
  });
}

async function readExample(file: string): Promise<FlowDocument> {
  const parsed = FlowDocument.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error).join('; ')}`);
  return parsed.data;
}
