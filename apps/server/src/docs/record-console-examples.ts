import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  createApiToken,
  createManualClock,
  createUser,
  createWorker,
  migrateToLatest,
  openDatabase,
  seedExamples,
} from '@switchyard/runtime';
import { TicketCreatedResponse } from '@switchyard/api';
import { pino } from 'pino';
import { z } from 'zod';
import { createApp } from '../create-app';
import { REQUEST_EXAMPLES as R } from './request-examples';

/*
 * Adds the service console's answers to answer-examples.json (keeps every other key): a real
 * server (PGlite in memory, the examples seeded, a manual clock), a supervisor who works as
 * agent li-na. Run it after changing a console answer's shape:
 *   pnpm exec tsx apps/server/src/docs/record-console-examples.ts
 */
const ROOT = join(import.meta.dirname, '../../../..');
const FILE = join(import.meta.dirname, 'answer-examples.json');
const store = await openDatabase({});
await migrateToLatest(store.db);
const ctx = {
  db: store.db,
  registry: createNodeRegistry([...builtinNodes, billingSuspend]),
  clock: createManualClock('2026-05-01T09:00:00+08:00'),
  logger: pino({ level: process.env.LOG ?? 'silent' }),
};
await seedExamples(ctx, join(ROOT, 'examples'));
const app = createApp({ ctx, adminToken: 'record' });
const user = await createUser(
  ctx,
  { email: 'li-na@example.com', name: 'Li Na', roles: ['supervisor'], groups: ['after_sales', 'supervisors'], agentId: 'li-na' },
  'record',
);
const { token } = await createApiToken(ctx, { id: user.id, roles: user.roles }, { name: 'record' }, 'record');
const answers = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(FILE, 'utf8')));

function trim(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(trim);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  return value;
}

async function call(operationId: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const answer: unknown = await res.json();
  answers[`${operationId} ${res.status}`] = trim(answer);
  process.stdout.write(`${operationId} ${res.status}\n`);
  return answer;
}

const created = await app.request('/api/tickets', {
  method: 'POST',
  headers: { authorization: 'Bearer record', 'content-type': 'application/json' },
  body: JSON.stringify({ ...R.createTicket, subject: '退款还没到 Refund not arrived', body: '我要投诉，退款一直没到 I want to complain' }),
});
const { id } = TicketCreatedResponse.parse(await created.json());
await createWorker(ctx).runUntilIdle();
await call('takeTicket', 'POST', `/api/tickets/${id}/take`, R.takeTicket);
await call('replyToTicket', 'POST', `/api/tickets/${id}/reply`, R.replyToTicket);
await call('setTicketStatus', 'POST', `/api/tickets/${id}/status`, R.setTicketStatus);
await call('addTicketNote', 'POST', `/api/tickets/${id}/notes`, R.addTicketNote);
await call('escalateTicket', 'POST', `/api/tickets/${id}/escalate`, R.escalateTicket);
await call('stepIntoTicket', 'POST', `/api/tickets/${id}/step-in`, R.stepIntoTicket);
await call('releaseTicket', 'POST', `/api/tickets/${id}/release`, R.releaseTicket);
await call('transferTicket', 'POST', `/api/tickets/${id}/transfer`, R.transferTicket);
await createWorker(ctx).runUntilIdle();
await call('getTicketTrace', 'GET', `/api/tickets/${id}/trace`);
await call('getCustomer', 'GET', `/api/customers/${R.createTicket.customer.id}`);
await call('getQueueCounts', 'GET', '/api/queues');
await call('listMyNotifications', 'GET', '/api/me/notifications');

writeFileSync(FILE, `${JSON.stringify(answers, null, 2)}\n`);
await store.close();
