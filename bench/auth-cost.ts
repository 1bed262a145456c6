import { pathToFileURL } from 'node:url';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createApiToken, createManualClock, createUser, migrateToLatest, type RuntimeContext } from '@switchyard/runtime';
import { testPglite } from '@switchyard/runtime/testing';
import { createApp } from '@switchyard/server';
import { pino } from 'pino';
import { percentile } from './measure';
import { type BenchRow, fmtMs, renderTable } from './report';

const ROUNDS = Number(process.env.AUTH_BENCH_ROUNDS ?? 2_000);
const WARMUP = 200;
/** What auth may add to a request, over the admin token's (a constant-time compare, no database). */
const TARGET_P50_MS = 1;
const TARGET_P99_MS = 5;
const PASSWORD = 'bench password 123';

type Way = 'admin token (no lookup)' | 'session cookie' | 'personal token';

/**
 * The cost of auth per request: GET /api/groups in process on PGlite, interleaved, as the
 * break-glass admin token (no database lookup: the baseline), with a session cookie (the
 * session and its user read) and with a personal token (the token and its user read). The
 * figure is the added p50/p99 over the baseline; the sign-in (argon2id) is given for context.
 */
export async function benchAuthCost(): Promise<BenchRow[]> {
  const store = await testPglite.open();
  try {
    await migrateToLatest(store.db);
    const ctx: RuntimeContext = {
      db: store.db,
      registry: createNodeRegistry(builtinNodes),
      clock: createManualClock('2026-05-01T09:00:00+08:00'),
      logger: pino({ level: 'silent' }),
    };
    const app = createApp({ ctx, adminToken: 'bench-admin-token' });
    const user = await createUser(ctx, { email: 'bench@example.com', name: 'Bench', password: PASSWORD, roles: ['agent'] }, 'bench');
    const { token } = await createApiToken(ctx, { id: user.id, roles: user.roles }, { name: 'bench' }, 'bench');
    const signInStart = performance.now();
    const signedIn = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchyard-csrf': '1' },
      body: JSON.stringify({ email: 'bench@example.com', password: PASSWORD }),
    });
    const signInMs = performance.now() - signInStart;
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers: Record<Way, Record<string, string>> = {
      'admin token (no lookup)': { authorization: 'Bearer bench-admin-token' },
      'session cookie': { cookie },
      'personal token': { authorization: `Bearer ${token}` },
    };
    const ways = Object.keys(headers) as Way[];
    const samples = new Map<Way, number[]>(ways.map((way) => [way, []]));
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const way of ways) {
        const start = performance.now();
        const res = await app.request('/api/groups', { headers: headers[way] });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${way}: GET /api/groups answered ${res.status}`);
        if (round >= WARMUP) samples.get(way)?.push(performance.now() - start);
      }
    }
    const stats = (way: Way) => {
      const sorted = [...(samples.get(way) ?? [])].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    const base = stats('admin token (no lookup)');
    const rows: BenchRow[] = [
      { bench: 'auth: GET /api/groups', metric: 'admin token p50 / p99 (baseline)', value: `${fmtMs(base.p50)} / ${fmtMs(base.p99)}` },
    ];
    for (const way of ['session cookie', 'personal token'] as const) {
      const { p50, p99 } = stats(way);
      const addedP50 = Math.max(0, p50 - base.p50);
      const addedP99 = Math.max(0, p99 - base.p99);
      rows.push({
        bench: 'auth: GET /api/groups',
        metric: `${way}: added p50 / p99`,
        value: `${fmtMs(addedP50)} / ${fmtMs(addedP99)}`,
        target: `≤ ${TARGET_P50_MS} ms / ≤ ${TARGET_P99_MS} ms`,
        pass: addedP50 <= TARGET_P50_MS && addedP99 <= TARGET_P99_MS,
      });
    }
    rows.push({ bench: 'auth: sign-in', metric: 'POST /api/auth/login (argon2id, 19 MiB)', value: fmtMs(signInMs) });
    return rows;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(`\n${renderTable(await benchAuthCost())}`);
