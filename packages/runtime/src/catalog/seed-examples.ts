import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
export async function seedExamples(ctx: RuntimeContext, examplesDir: string): Promise<SeedReport> {
  const flowsDir = join(examplesDir, 'flows');
  const files = (await readdir(flowsDir)).filter((f) => f.endsWith('.json')).sort();
  const documents = await Promise.all(files.map(async (f) => ({ file: f, json: JSON.parse(await readFile(join(flowsDir, f), 'utf8')) as unknown })));
  const roster = Roster.parse(JSON.parse(await readFile(join(examplesDir, 'agents.json'), 'utf8')));
  return inTransaction(ctx.db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('switchyard.seed-examples'))`.execute(trx);
    const tx: RuntimeContext = { ...ctx, db: trx };
    const report: SeedReport = { flows: [], groups: [], agents: [] };
    for (const [position, { file, json }] of documents.entries()) {
      const id = typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'string' ? json.id : undefined;
      const name = typeof json === 'object' && json !== null && 'name' in json && typeof json.name === 'string' ? json.name : file;
      if (!id) throw new Error(`${file}: a flow example needs an id`);
      const exists = await trx.selectFrom('flows').select('id').where('id', '=', id).executeTakeFirst();
      if (exists) continue;
      await createFlow(tx, { name, document: json as never }, SEED_ACTOR);
      const { version } = await publishVersion(tx, id, SEED_ACTOR);
      await deployVersion(tx, id, version, SEED_ACTOR, position);
      (report.flows as string[]).push(id);
    }
    const groups = new Set((await trx.selectFrom('groups').select('id').execute()).map((g) => g.id));
    for (const group of roster.groups.filter((g) => !groups.has(g.id))) {
      await upsertGroup(tx, group, SEED_ACTOR);
      (report.groups as string[]).push(group.id);
    }
    const agents = new Set((await trx.selectFrom('agents').select('id').execute()).map((a) => a.id));
    for (const agent of roster.agents.filter((a) => !agents.has(a.id))) {
      await upsertAgent(tx, agent, SEED_ACTOR);
      (report.agents as string[]).push(agent.id);
    }
    return report;
  });
}
