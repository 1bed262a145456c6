import type { Rollout, RolloutChange } from '@switchyard/api';
import { AUDIT_ENTRY_COLUMNS, rowHoldsAnyKind, rowHoldsFlow } from '../audit/audit-entries';
import { type AuditRow, readAuditRow } from '../audit/read-audit-row';
import { StoredDataError } from '../db/stored/stored-data-error';
import type { RuntimeContext } from '../durable/runtime-context';
import { loadDeployment } from './deployment-state';
import { ROLLOUT_KINDS } from './record-change';

const HISTORY_LENGTH = 100;

/** GET /api/flows/:id/rollout: the deployment with its revision, its plan and guardrails, its history (newest first). */
export async function getRollout(ctx: Pick<RuntimeContext, 'db'>, flowId: string): Promise<Rollout> {
  const state = await loadDeployment(ctx.db, flowId, 'read');
  const rows = await ctx.db
    .selectFrom('audit_entries')
    .select(AUDIT_ENTRY_COLUMNS)
    .where('flow_id', '=', flowId)
    .where(rowHoldsFlow(flowId))
    .where('kind', 'in', ROLLOUT_KINDS)
    .where(rowHoldsAnyKind(ROLLOUT_KINDS))
    .orderBy('row_id', 'desc')
    .orderBy('ordinal', 'desc')
    .limit(HISTORY_LENGTH)
    .execute();
  return {
    flowId,
    stable: state.stable,
    candidate: state.candidate,
    percent: state.percent,
    position: state.position,
    guardrails: [...state.guardrails],
    ramp: state.ramp ? { ...state.ramp, step: state.rampStep, nextStepAt: state.nextStepAt?.toISOString() ?? null } : null,
    tripped: state.tripped,
    updatedAt: state.updatedAt.toISOString(),
    revision: state.revision,
    history: rows.map((row) => historyEntry(row)),
  };
}

/** An audit row as a history line; older `flow.deployed` rows only name the version. */
function historyEntry(row: AuditRow): RolloutChange {
  const entry = readAuditRow(row);
  const line = { at: entry.at.toISOString(), actor: entry.actor };
  switch (entry.kind) {
    case 'tickets.migrated': {
      const { reason, ...detail } = entry.detail;
      return { ...line, kind: entry.kind, from: null, to: null, reason, detail };
    }
    case 'flow.deployed': {
      const { from, to, reason, version, ...detail } = entry.detail;
      return {
        ...line,
        kind: entry.kind,
        from: from ?? null,
        to: to ?? { stable: version, candidate: null, percent: 0 },
        reason: reason ?? null,
        detail,
      };
    }
    case 'rollout.changed':
    case 'rollout.promoted':
    case 'rollout.rolled_back':
    case 'rollout.ramped':
    case 'rollout.guardrail_tripped': {
      const { from, to, reason, ...detail } = entry.detail;
      return { ...line, kind: entry.kind, from, to, reason, detail };
    }
    default:
      throw new StoredDataError({ table: 'audit_log', key: row.id }, `audit-entry ${row.kind}`, [
        { path: 'kind', message: 'not a rollout change' },
      ]);
  }
}
