import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createManualClock, createWorker, migrateToLatest, openDatabase, seedExamples } from '@switchyard/runtime';
import { Backtest, DeploymentOrder } from '@switchyard/api';
import { pino } from 'pino';
import { createApp } from '../create-app';
import { REQUEST_EXAMPLES as R } from './request-examples';

/*
 * Writes answer-examples.json: the answers a real server (PGlite in memory, the examples seeded,
 * a manual clock) gives to the request examples, keyed "<operationId> <status>", with every array
 * cut to two items so the document stays readable; then the console's (record-console-examples.ts).
 * Run it after changing an answer's shape (customer data is sealed: any data key will do):
 *   SWITCHYARD_DATA_KEY=$(openssl rand -base64 32) pnpm exec tsx apps/server/src/docs/record-answer-examples.ts
 * openapi-lint.test.ts fails (Redocly's no-invalid-media-type-examples) when an example no
 * longer fits its schema.
 */
const ROOT = join(import.meta.dirname, '../../../..');
const store = await openDatabase({});
await migrateToLatest(store.db);
const ctx = {
  db: store.db,
  registry: createNodeRegistry([...builtinNodes, billingSuspend]),
  clock: createManualClock('2026-05-01T09:00:00+08:00'),
  logger: pino({ level: 'silent' }),
};
await seedExamples(ctx, join(ROOT, 'examples'));
// Auth is always on (issue 16): the recorder calls as the break-glass admin.
const ADMIN_TOKEN = 'record-answer-examples';
const app = createApp({ ctx, adminToken: ADMIN_TOKEN });
const answers: Record<string, unknown> = {};

function trim(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(trim);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  return value;
}

/** Calls the app and keeps the answer under `<operationId> <status>` (the first one of each). */
async function call(operationId: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const init: RequestInit = { method, headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await app.request(path, init);
  const answer: unknown = await res.json();
  const key = `${operationId} ${res.status}`;
  answers[key] ??= trim(answer);
  process.stdout.write(`${key}\n`);
  return answer;
}

const flow = '/api/flows/refund-priority';
await call('getHealth', 'GET', '/api/health');
await call('listNodeTypes', 'GET', '/api/nodes');
await call('createFlow', 'POST', '/api/flows', R.createFlow);
await call('createFlow', 'POST', '/api/flows', R.createFlow);
await call('listFlows', 'GET', '/api/flows');
await call('saveDraft', 'PUT', `${flow}/draft`, R.saveDraft);
await call('saveDraft', 'PUT', `${flow}/draft`, R.saveDraft);
await call('publishVersion', 'POST', `${flow}/versions`, R.publishVersion);
await call('saveDraft', 'PUT', `${flow}/draft`, { document: R.saveDraft.document });
await call('publishVersion', 'POST', `${flow}/versions`, R.publishVersion);
await call('publishVersion', 'POST', `${flow}/versions`, {});
await call('getFlowVersion', 'GET', `${flow}/versions/1`);
await call('getFlow', 'GET', flow);
await call('dryRun', 'POST', `${flow}/dry-run`, R.dryRun);
await call('putRollout', 'PUT', `${flow}/rollout`, { stable: 1, revision: 0, reason: 'First deployment' });
await call('putRollout', 'PUT', `${flow}/rollout`, R.putRollout);
await call('putRollout', 'PUT', `${flow}/rollout`, R.putRollout);
await call('getRollout', 'GET', `${flow}/rollout`);
const created = await call('createTicket', 'POST', '/api/tickets', R.createTicket);
const ticketId = created !== null && typeof created === 'object' && 'id' in created ? String(created.id) : 'missing';
await call('postTicketEvent', 'POST', `/api/tickets/${ticketId}/events`, R.postTicketEvent);
await call('getTicket', 'GET', `/api/tickets/${ticketId}`);
await call('getTicketHistory', 'GET', `/api/tickets/${ticketId}/history`);
await call('getTicketMessages', 'GET', `/api/tickets/${ticketId}/messages`);
await call('listTickets', 'GET', '/api/tickets?limit=2');
await call('getFlowMetrics', 'GET', `${flow}/metrics`);
await call('rollBackCandidate', 'POST', `${flow}/rollout/rollback`, R.rollBackCandidate);
await call('rollBackCandidate', 'POST', `${flow}/rollout/rollback`, R.rollBackCandidate);
await call('putRollout', 'PUT', `${flow}/rollout`, { stable: 1, candidate: 2, percent: 50 });
await call('promoteCandidate', 'POST', `${flow}/rollout/promote`, {});
await call('promoteCandidate', 'POST', `${flow}/rollout/promote`, {});
await call('migrateTickets', 'POST', `${flow}/rollout/migrate`, { ...R.migrateTickets, revision: undefined });
await call('migrateTickets', 'POST', `${flow}/rollout/migrate`, R.migrateTickets);
await call('listNotifications', 'GET', '/api/notifications?limit=2');
await call('getRuntimeStats', 'GET', '/api/runtime/stats');
await call('listEffects', 'GET', '/api/effects?limit=2');
await call('listFlowErrors', 'GET', '/api/flow-errors?limit=2');
await call('saveGroup', 'POST', '/api/groups', R.saveGroup);
await call('saveSkill', 'POST', '/api/skills', R.saveSkill);
await call('saveAgent', 'POST', '/api/agents', R.saveAgent);
await call('listAgents', 'GET', '/api/agents');
await call('listGroups', 'GET', '/api/groups');
await call('listSkills', 'GET', '/api/skills');
await call('saveCalendar', 'POST', '/api/calendars', R.saveCalendar);
await call('listCalendars', 'GET', '/api/calendars');
await call('putSecret', 'PUT', '/api/secrets/ERP_API_KEY', R.putSecret);
await call('listSecrets', 'GET', '/api/secrets');
await call('deleteSecret', 'DELETE', '/api/secrets/ERP_API_KEY');
const order = await call('getDeploymentOrder', 'GET', '/api/deployments/order');
const ids = DeploymentOrder.parse(order).order.map((f) => f.flowId);
await call('reorderDeployments', 'PUT', '/api/deployments/order', {
  order: [...ids].reverse(),
  current: ids,
  reason: R.reorderDeployments.reason,
});
await call('reorderDeployments', 'PUT', '/api/deployments/order', { order: ids, current: ids });
await call('getAnalyticsOverview', 'GET', '/api/analytics/overview?from=2026-04-02&to=2026-05-01');
await call('getFlowAnalytics', 'GET', `${flow}/analytics?from=2026-04-02&to=2026-05-01`);
await call('listNodeTickets', 'GET', `${flow}/analytics/tickets?node=start&from=2026-04-02&to=2026-05-01`);
await call('getWeeklyReport', 'GET', '/api/reports/weekly?week=2026-W18');
await call('saveScorecard', 'PUT', '/api/reports/scorecard', R.saveScorecard);
await call('getScorecard', 'GET', '/api/reports/scorecard');

// The ticket above runs, a minute passes, then its flows are replayed: the recorded history against version 1.
await createWorker(ctx).runUntilIdle();
ctx.clock.advance(60_000);
const backtest = await call('startBacktest', 'POST', '/api/flows/intake-classify/backtest', {
  ...R.startBacktest,
  filter: {},
  from: '2026-04-01T00:00:00+08:00',
  to: '2026-05-02T00:00:00+08:00',
});
const backtestId = backtest !== null && typeof backtest === 'object' && 'id' in backtest ? String(backtest.id) : 'missing';
await createWorker(ctx).runUntilIdle();
await call('getBacktest', 'GET', `/api/backtests/${backtestId}`);
await call('listBacktests', 'GET', '/api/backtests?flowId=intake-classify');
const differing = Backtest.parse(await call('getBacktest', 'GET', `/api/backtests/${backtestId}`));
await call('getBacktestTicket', 'GET', `/api/backtests/${backtestId}/tickets/${differing.differences[0]?.ticketId ?? 'missing'}`);
await call('cancelBacktest', 'POST', `/api/backtests/${backtestId}/cancel`);
await call('deleteBacktest', 'DELETE', `/api/backtests/${backtestId}`);

writeFileSync(join(import.meta.dirname, 'answer-examples.json'), `${JSON.stringify(answers, null, 2)}\n`);
// The service console's answers are recorded by their own script, which adds them to the file just written: one run makes the whole file.
await import('./record-console-examples');
await store.close();
