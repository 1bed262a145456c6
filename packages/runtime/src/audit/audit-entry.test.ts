import { GuardrailMetric } from '@switchyard/api';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow } from '../catalog/create-flow';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { StoredDataError } from '../db/stored/stored-data-error';
import { createTicket } from '../durable/create-ticket';
import type { RuntimeContext } from '../durable/runtime-context';
import { ROLLOUT_FLOW, rolloutFlow } from '../rollout/__fixtures__/rollout-flow';
import { setRollout } from '../rollout/set-rollout';
import { versionCounts, type VersionCounts } from '../rollout/version-counts';
import { testDatabases, useTestDatabase } from '../testing/index';
import type { AuditEntry, AuditFact } from './audit-entry';
import { outcomeMarks } from './outcome-marks';
import { readAuditRow } from './read-audit-row';
import { recordAudit } from './record-audit';

const at = new Date('2026-06-01T01:00:00Z');
const on = (ticketId: string, fact: AuditFact): AuditEntry => ({ at, actor: 'runtime', ticketId, flowId: ROLLOUT_FLOW, ...fact });
const transition = { event: 'xstate.after.3600000.rollout-test.wait', from: 'wait', to: 'escalate', visits: ['escalate'] };

/** The entry kind and detail that feeds each guardrail metric, and the count it moves. */
const FEEDS: Record<GuardrailMetric, { fact: AuditFact; count: keyof VersionCounts }> = {
  errorRate: { fact: { kind: 'flow.error', detail: { node: 'call', message: 'refused' } }, count: 'errors' },
  slaBreachRate: { fact: { kind: 'flow.transition', detail: { ...transition, missedDeadline: true } }, count: 'slaBreaches' },
  escalationRate: { fact: { kind: 'action', detail: { node: 'escalate', type: 'escalate', params: { level: 1 } } }, count: 'escalations' },
};

describe('audit entries', () => {
  it('are typed by kind: a detail with a renamed field does not compile', () => {
    const entries: AuditEntry[] = [
      // @ts-expect-error `deadlineMissed` is not a field of flow.transition: the outcome it should set would never be set
      on('t1', { kind: 'flow.transition', detail: { ...transition, deadlineMissed: true } }),
      // @ts-expect-error an action names its node type in `type`
      on('t1', { kind: 'action', detail: { node: 'escalate', nodeType: 'escalate', params: {} } }),
      // @ts-expect-error no such kind
      on('t1', { kind: 'flow.erred', detail: { message: 'x' } }),
    ];
    expect(entries).toHaveLength(3);
  });

  it('feed every guardrail metric from one entry kind each (a metric without a feed would never trip)', () => {
    for (const metric of GuardrailMetric.options) {
      const marks = outcomeMarks([on('t1', FEEDS[metric].fact)]);
      expect(marks, metric).toHaveLength(1);
    }
    // A timeout of a plain delay is no breach; a dead effect is an error too.
    expect(outcomeMarks([on('t1', { kind: 'flow.transition', detail: transition })])).toEqual([]);
    expect(
      outcomeMarks([on('t1', { kind: 'effect.dead', detail: { node: 'call', idempotencyKey: 'k', attempts: 5, error: 'refused' } })]),
    ).toMatchObject([{ column: 'errored_at' }]);
  });

  it('have one writer: no source file but record-audit.ts inserts into audit_log', () => {
    const root = join(import.meta.dirname, '..', '..', '..', '..');
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.')) walk(path);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !path.includes('migrations')) {
          // Kysely's insertInto or SQL text, any quoting; the typed column already refuses an untyped detail.
          if (/insertInto\(\s*['"`]audit_log['"`]|insert\s+into\s+(\w+\.)?["'`]?audit_log\b/i.test(readFileSync(path, 'utf8')))
            writers.push(path.slice(root.length + 1));
        }
      }
    };
    for (const dir of ['packages', 'apps']) walk(join(root, dir));
    expect(writers).toEqual(['packages/runtime/src/audit/record-audit.ts']);
  });
});

describe.each(testDatabases)('audit entries and outcomes on $name', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  let ticket: string;
  beforeEach(async () => {
    ctx = {
      db: store.db,
      registry: createNodeRegistry(builtinNodes),
      clock: createManualClock('2026-06-01T09:00:00+08:00'),
      logger: pino({ level: 'silent' }),
    };
    await createFlow(ctx, { name: 'Rollout test', document: rolloutFlow({ category: 'a' }) }, 'test');
    await publishVersion(ctx, ROLLOUT_FLOW, 'test');
    await setRollout(ctx, ROLLOUT_FLOW, { stable: 1 }, 'ops');
    ({ id: ticket } = await createTicket(ctx, { channel: 'chat', subject: '', body: '', customer: { id: 'c1' } }, 'test'));
  });

  it('move the guardrail counts when recorded, once per ticket however often it happens', async () => {
    const empty = { version: 1, bound: 1, errors: 0, slaBreaches: 0, escalations: 0 };
    expect(await versionCounts(store.db, ROLLOUT_FLOW)).toEqual([empty]);
    for (const metric of GuardrailMetric.options) {
      await store.db.transaction().execute((trx) => recordAudit(trx, [on(ticket, FEEDS[metric].fact), on(ticket, FEEDS[metric].fact)]));
    }
    expect(await versionCounts(store.db, ROLLOUT_FLOW)).toEqual([{ ...empty, errors: 1, slaBreaches: 1, escalations: 1 }]);
  });

  it('are read back parsed; a row whose detail lost a field is reported with its table and id, not counted as nothing', async () => {
    await store.db.transaction().execute((trx) => recordAudit(trx, on(ticket, FEEDS.escalationRate.fact)));
    // Written by hand as a writer outside the union would (the column takes only the shape's json()): `type` renamed.
    await store.db
      .insertInto('audit_log')
      .values({
        at,
        actor: 'runtime',
        ticket_id: ticket,
        flow_id: ROLLOUT_FLOW,
        kind: 'action',
        detail: auditDetailShape.json({ node: 'escalate', nodeType: 'escalate', params: {} }),
      })
      .execute();
    const rows = await store.db.selectFrom('audit_log').selectAll().where('kind', '=', 'action').orderBy('id').execute();
    const [good, renamed] = rows;
    expect(good && readAuditRow(good)).toMatchObject({ kind: 'action', detail: { type: 'escalate' } });
    expect(() => renamed && readAuditRow(renamed)).toThrow(StoredDataError);
    expect(() => renamed && readAuditRow(renamed)).toThrow(new RegExp(`audit_log row ${renamed?.id} is invalid at detail.type`));
  });
});
