import { Skill } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';

/**
 * Every skill the team knows, by id: the named ones, and any skill an agent has that was
 * never named (listed under its id), so pickers offer what assignment can really match.
 * @example const skills = await listSkills(db);
 */
export async function listSkills(db: Kysely<Database>): Promise<Skill[]> {
  const { rows } = await sql<{ id: string; name: string | null; name_zh: string | null }>`
    select ids.id, s.name, s.name_zh
    from (select id from skills union select jsonb_array_elements_text(skills) from agents) as ids(id)
    left join skills s on s.id = ids.id
    order by ids.id`.execute(db);
  return rows.map((row) => ({ id: row.id, name: row.name ?? row.id, ...(row.name_zh !== null ? { nameZh: row.name_zh } : {}) }));
}

/**
 * Creates or renames a skill (by id).
 * @example await upsertSkill(ctx, { id: 'returns', name: 'Returns', nameZh: '退换货' }, 'alice');
 */
export async function upsertSkill(ctx: RuntimeContext, input: unknown, actor: string): Promise<Skill> {
  const skill = parseInput(Skill, input);
  const row = { name: skill.name, name_zh: skill.nameZh ?? null };
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('skills')
      .values({ id: skill.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, { at: ctx.clock.now(), actor, kind: 'skill.saved', detail: skill });
  });
  return skill;
}
