import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import { migrateToLatest, openDatabase, type RuntimeContext, type SwitchyardDatabase, systemClock } from '@switchyard/runtime';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPostgresAvailable, type OwnPostgres, startOwnPostgres } from './own-postgres';
import { deployScaleFlows } from './scale-flows';
import { createTickets, waitUntilQuiet } from './scale-load';
import { type ServerProcess, startServerProcess } from './server-processes';

/*
 * PostgreSQL restarts under load (issue 15: the server used to die of the unhandled 'error'
 * event of a pool client, 57P01). A cluster of the test's own, three server processes (API and
 * worker, as `pnpm start`) on it running the scale flows (an HTTP effect per message run and per
 * quiet timeout, a timer per ticket), posters sending customer messages to the servers in turn;
 * then `pg_ctl stop -m fast`, two seconds down, start. While it is down every server answers
 * 503 with Retry-After; afterwards every server serves again within 10 s, every event acked
 * with 202 is applied once, every effect is settled, fed back and audited once and reaches the
 * receiver (a second time only from a later claim, once a lease ran out while the database was
 * away: the receiver deduplicates on the key), and no server died. Skipped where PostgreSQL's
 * binaries are not installed (SWITCHYARD_PG_BIN, else Debian's /usr/lib/postgresql/<version>/bin).
 */
const TICKETS = 40;
const POSTERS = 8;
const SERVERS = 3;
/** Events acked before the stop, and after every server is back, before the load ends; time down. */
const ACKED_BEFORE = 30;
const ACKED_AFTER = 30;
const DOWN_MS = 2_000;
const RECOVERY_BOUND_MS = 10_000;
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `check` holds; the deadline only bounds a failing test. */
async function until(check: () => boolean, what: string, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${deadlineMs} ms`);
    await pause(20);
  }
}

interface Answer {
  readonly server: number;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: string;
}

describe.skipIf(!ownPostgresAvailable)('a PostgreSQL restart under load', () => {
  let own: OwnPostgres | undefined;
  let store: SwitchyardDatabase | undefined;
  let receiver: TestHttpServer | undefined;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    own = await startOwnPostgres();
    store = await openDatabase({ url: own.url, maxConnections: 8 });
    await migrateToLatest(store.db);
    receiver = await startTestHttpServer({ status: 200 });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop(5_000)));
    await receiver?.close();
    await store?.close();
    await own?.destroy();
  });

  it(
    `${SERVERS} servers ride through pg_ctl stop -m fast and start: 503 while down, back within 10 s, nothing lost or done twice`,
    { timeout: 120_000 },
    async () => {
      const ctx: RuntimeContext = { db: store!.db, registry, clock: systemClock, logger: pino({ level: 'warn' }) };
      await deployScaleFlows(ctx, registry, receiver!.url);
      // The tickets are opened while the servers start (their workers then find them due).
      const [started, ids] = await Promise.all([
        Promise.all(Array.from({ length: SERVERS }, () => startServerProcess(own!.url, { SWITCHYARD_HTTP_ALLOW: receiver!.host }))),
        createTickets(ctx, TICKETS, 8),
      ]);
      servers = started;

      let sent = 0;
      const acked: { ticket: string; body: string }[] = [];
      const answers: Answer[] = [];
      /** Posts the next message (bodies count up) and records the answer; status 0 when the server did not answer. */
      const post = async (server: number, ticket: string): Promise<Answer> => {
        const body = String(++sent);
        let answer: Answer;
        try {
          const res = await fetch(`${servers[server]!.url}/api/tickets/${ticket}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer scale-test-token' },
            body: JSON.stringify({ type: 'customer.message', body }),
          });
          answer = { server, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
        } catch (error) {
          answer = { server, status: 0, retryAfter: null, body: `${String(error)} (${String((error as Error).cause)})` };
        }
        answers.push(answer);
        if (answer.status === 202) acked.push({ ticket, body });
        return answer;
      };
      const failures = () => answers.filter((a) => a.status === 0);
      let loading = true;
      const poster = async (lane: number) => {
        for (let n = lane; loading; n += POSTERS) {
          await post(n % SERVERS, ids[n % ids.length]!);
          await pause(20);
        }
      };
      const posters = Promise.all(Array.from({ length: POSTERS }, (_, lane) => poster(lane)));

      await until(() => acked.length >= ACKED_BEFORE || failures().length > 0, 'events acked before the stop');
      const ackedBefore = acked.length;
      const stoppingAt = Date.now();
      await own!.stop();
      const down = await Promise.all(servers.map((_, server) => post(server, ids[0]!)));
      await pause(DOWN_MS);
      await own!.start();
      const upAt = Date.now();
      const outageMs = upAt - stoppingAt;
      const recoveryMs = await Promise.all(
        servers.map(async (_, server) => {
          while (Date.now() - upAt < RECOVERY_BOUND_MS * 2) {
            const answer = await post(server, ids[1]!);
            if (answer.status === 202) return Date.now() - upAt;
            if (answer.status === 0) break;
            await pause(50);
          }
          return Number.POSITIVE_INFINITY;
        }),
      );
      const ackedBack = acked.length;
      await until(() => acked.length >= ackedBack + ACKED_AFTER || failures().length > 0, 'events acked after the restart');
      loading = false;
      await posters;
      await waitUntilQuiet(store!.db, 30_000);
      const quietMs = Date.now() - upAt;
      const report = await checkRun(store!, receiver!, acked);
      const unavailable = answers.filter((a) => a.status === 503);
      console.log(
        `database-restart: the database was away ${outageMs} ms (stop -m fast to accepting connections); ${answers.length} posts, ${acked.length} acked (${ackedBefore} before the stop), ` +
          `${unavailable.length} answered 503; servers back ${recoveryMs.map((ms) => `${ms} ms`).join(', ')} after the database, all settled ${quietMs} ms after it; ${report.events} events applied, ${report.outbox} effects, ` +
          `${report.deliveries} deliveries for ${report.keys} keys (sent again after a lease ran out: ${report.duplicates.join(', ') || 'none'})`,
      );

      expect(
        failures().map((a) => `server ${a.server}: ${a.body}`),
        'no server stopped answering',
      ).toEqual([]);
      expect(servers.filter((s) => s.exited).map((s) => s.pid)).toEqual([]);
      // While down, every server answered 503 with Retry-After and the bilingual error body.
      for (const answer of down) {
        expect(answer.status, answer.body).toBe(503);
        expect(answer.retryAfter).toMatch(/^\d+$/);
        const body = JSON.parse(answer.body) as { error?: unknown; details?: { message?: { en?: unknown; 'zh-CN'?: unknown } } };
        expect([typeof body.error, typeof body.details?.message?.en, typeof body.details?.message?.['zh-CN']]).toEqual([
          'string',
          'string',
          'string',
        ]);
      }
      expect(answers.filter((a) => a.status !== 202 && a.status !== 503).map((a) => `${a.status} ${a.body}`)).toEqual([]);
      expect(unavailable.every((a) => a.retryAfter !== null)).toBe(true);
      for (const ms of recoveryMs) expect(ms).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
      expect(report.problems).toEqual([]);
      expect(report.keys).toBe(report.outbox);
      // Each server lost its LISTEN connection and listened again.
      for (const s of servers) expect(s.messages).toContain('listening for work notifications again');
      const codes = await Promise.all(servers.map((s) => s.stop()));
      expect(codes).toEqual(servers.map(() => 0));
    },
  );
});

/** What the run left: every acked event applied once, every effect done, received and fed back once, no fault. */
async function checkRun(store: SwitchyardDatabase, receiver: TestHttpServer, acked: readonly { ticket: string; body: string }[]) {
  const problems: string[] = [];
  const events = await store.db
    .selectFrom('ticket_events')
    .select(['id', 'ticket_id', 'type', 'payload', 'applied_at'])
    .where('flow_id', 'is', null)
    .execute();
  const stored = new Map<string, { id: string; applied: boolean }>();
  for (const e of events) {
    if (e.applied_at === null) problems.push(`event ${e.id} never applied`);
    if (e.type === 'customer.message')
      stored.set(`${e.ticket_id}/${(e.payload as { body: string }).body}`, { id: e.id, applied: e.applied_at !== null });
  }
  for (const a of acked) if (!stored.has(`${a.ticket}/${a.body}`)) problems.push(`acked message ${a.body} to ${a.ticket} was lost`);
  const { rows: applied } = await sql<{ event_id: string; n: string }>`
    select detail->>'eventId' as event_id, count(*) as n from audit_entries where kind = 'event.applied' group by 1`.execute(store.db);
  for (const a of applied) if (Number(a.n) !== 1) problems.push(`event ${a.event_id} applied ${a.n} times`);
  if (applied.length !== events.length) problems.push(`${applied.length} events audited as applied of ${events.length}`);
  const outbox = await store.db.selectFrom('outbox').select(['idempotency_key', 'status', 'attempts']).execute();
  for (const o of outbox) if (o.status !== 'done') problems.push(`effect ${o.idempotency_key} is ${o.status} after ${o.attempts} attempts`);
  // Fed back and audited once per effect, whatever the deliveries: the receiver deduplicates on the key.
  const results = await store.db.selectFrom('ticket_events').select('id').where('type', 'in', ['effect.done', 'effect.error']).execute();
  if (results.length !== outbox.length) problems.push(`${results.length} effect results for ${outbox.length} effects`);
  const { rows: audited } = await sql<{ key: string; n: string }>`
    select detail->>'idempotencyKey' as key, count(*) as n from audit_entries where kind = 'effect.delivered' group by 1`.execute(store.db);
  const deliveredAudit = new Map(audited.map((a) => [a.key, Number(a.n)]));
  const received = new Map<string, number>();
  for (const r of receiver.requests)
    received.set(String(r.headers['idempotency-key']), (received.get(String(r.headers['idempotency-key'])) ?? 0) + 1);
  const duplicates: string[] = [];
  for (const o of outbox) {
    const n = received.get(o.idempotency_key) ?? 0;
    if (deliveredAudit.get(o.idempotency_key) !== 1)
      problems.push(`effect ${o.idempotency_key} audited as delivered ${deliveredAudit.get(o.idempotency_key) ?? 0} times`);
    // Sent again only by a later claim: its lease ran out while the database was away.
    if (n === 0 || n > o.attempts) problems.push(`effect ${o.idempotency_key} received ${n} times in ${o.attempts} claims`);
    if (n > 1) duplicates.push(`${o.idempotency_key} x${n}`);
  }
  const { rows: faults } = await sql<{ kind: string; n: string }>`
    select kind, count(*) as n from audit_entries where kind in ('ticket.fault', 'flow.error', 'effect.dead') group by kind`.execute(
    store.db,
  );
  for (const f of faults) problems.push(`${f.n} ${f.kind} audit rows`);
  return {
    problems: problems.slice(0, 50),
    events: events.length,
    outbox: outbox.length,
    deliveries: receiver.requests.length,
    keys: received.size,
    duplicates,
  };
}
