import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as initial from './migrations/0001-initial';
import * as skills from './migrations/0002-skills';
import * as rollout from './migrations/0003-rollout';
import * as secrets from './migrations/0004-secrets';
import * as revisions from './migrations/0005-revisions';
import * as outcomes from './migrations/0006-outcomes';
import * as draftDiagnostics from './migrations/0007-draft-diagnostics';
import * as idempotencyKeys from './migrations/0008-idempotency-keys';
import * as users from './migrations/0009-users';
import * as auditChain from './migrations/0011-audit-chain';
import * as versionNotes from './migrations/0012-version-notes';
import * as consoleQueues from './migrations/0014-console';
import * as ticketChanges from './migrations/0015-ticket-changes';
import * as analytics from './migrations/0016-analytics';
import * as ruleMarks from './migrations/0017-rule-marks';
import * as backtests from './migrations/0018-backtests';
import * as flowErrorIndex from './migrations/0013-flow-error-index';
import * as calendars from './migrations/0019-calendars';
import * as ticketNumberSequences from './migrations/0021-ticket-number-sequences';
import * as ticketAuditChains from './migrations/0022-ticket-audit-chains';
import * as agentRouting from './migrations/0024-agent-routing';
import * as subcategories from './migrations/0025-subcategories';
import * as workedLoads from './migrations/0026-worked-loads';
import * as groupTurns from './migrations/0027-group-turns';
import * as approvalDecisions from './migrations/0028-approval-decisions';
import * as queueDeadlines from './migrations/0030-queue-deadlines';
import * as bindingChecks from './migrations/0032-binding-checks-per-statement';
import * as outcomeCounterShards from './migrations/0036-outcome-counter-shard-per-session';
import type { Database } from './schema';

/** Migrations are bundled in code, so the server needs no migration folder at run time. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-skills': skills,
  '0003-rollout': rollout,
  '0004-secrets': secrets,
  '0005-revisions': revisions,
  '0006-outcomes': outcomes,
  '0007-draft-diagnostics': draftDiagnostics,
  '0008-idempotency-keys': idempotencyKeys,
  '0009-users': users,
  '0011-audit-chain': auditChain,
  '0012-version-notes': versionNotes,
  '0014-console': consoleQueues,
  '0015-ticket-changes': ticketChanges,
  '0016-analytics': analytics,
  '0017-rule-marks': ruleMarks,
  '0018-backtests': backtests,
  '0013-flow-error-index': flowErrorIndex,
  '0019-calendars': calendars,
  '0021-ticket-number-sequences': ticketNumberSequences,
  '0022-ticket-audit-chains': ticketAuditChains,
  '0024-agent-routing': agentRouting,
  '0025-subcategories': subcategories,
  '0026-worked-loads': workedLoads,
  '0027-group-turns': groupTurns,
  '0028-approval-decisions': approvalDecisions,
  '0030-queue-deadlines': queueDeadlines,
  '0032-binding-checks-per-statement': bindingChecks,
  '0036-outcome-counter-shard-per-session': outcomeCounterShards,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date; safe to call from several processes at once (Kysely takes
 * a lock on its migration table). Throws with the failing migration's name.
 * Kysely is told the schema the connection works in (its search_path): left to itself it
 * takes another schema's migration tables for its own and then looks for them in this one.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  // Every start comes here: when the recorded migrations are exactly ours, there is nothing to run
  // (and Kysely's check, which reads the whole catalogue and takes a lock, is skipped).
  if (sameNames(await appliedMigrations(db, schema), Object.keys(migrations))) return;
  // Branches take migration numbers side by side and merge in any order (0030 shipped before 0025 and 0028):
  // a database that ran a later number first must still take the earlier ones.
  const { error, results } = await new Migrator({
    db,
    provider,
    migrationTableSchema: schema,
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : 'not an Error'}`, { cause: error });
  }
}

/** The migrations recorded in `schema`, or undefined before the first one ran. */
async function appliedMigrations(db: Kysely<Database>, schema: string): Promise<string[] | undefined> {
  const { rows: table } = await sql<{
    present: boolean;
  }>`select to_regclass(format('%I.kysely_migration', ${schema}::text)) is not null as present`.execute(db);
  if (!table[0]?.present) return undefined;
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(`${schema}.kysely_migration`)}`.execute(db);
  return rows.map((row) => row.name);
}

function sameNames(applied: readonly string[] | undefined, known: readonly string[]): boolean {
  if (applied === undefined || applied.length !== known.length) return false;
  const set = new Set(applied);
  return known.every((name) => set.has(name));
}
