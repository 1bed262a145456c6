import { randomBytes } from 'node:crypto';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  createDataKeyRing,
  createTicket,
  type DataKeyRing,
  migrateToLatest,
  openDatabase,
  type RuntimeContext,
  systemClock,
} from '@switchyard/runtime';
import pino from 'pino';
import { summarise } from './measure';
import { type BenchRow, fmtMs } from './report';

const TICKETS = Number(process.env.DATA_KEY_BENCH_TICKETS ?? 400);
/** What sealing may add to opening a ticket, at the median. */
const TARGET_ADDED_MS = 1;

/** A ring that stores values as given: ticket creation as it was before encryption, for comparison in the same run. */
const clearRing: DataKeyRing = {
  current: { id: '00000000', key: Buffer.alloc(32) },
  previous: [],
  seal: (value) => value,
  open: (value) => value,
  isCurrent: () => true,
};

const ticket = (i: number) => ({
  channel: 'chat' as const,
  subject: '快递没到',
  body: '订单 DD20260501001 三天没动了',
  customer: { id: `C${i}`, name: '王小明', contact: `138${String(i).padStart(8, '0')}` },
});

/**
 * The cost of sealing customer data on ticket creation: POST /api/tickets' runtime function
 * on an in-memory PGlite, alternating a real data key and a pass-through ring ticket by
 * ticket (same run, same database, so drift hits both alike); plus sealing one value alone.
 */
export async function benchDataKeyCost(): Promise<BenchRow[]> {
  const store = await openDatabase({});
  try {
    await migrateToLatest(store.db);
    const base = { db: store.db, registry: createNodeRegistry(builtinNodes), clock: systemClock, logger: pino({ level: 'silent' }) };
    const sealed: RuntimeContext = { ...base, dataKeys: createDataKeyRing(randomBytes(32)) };
    const clear: RuntimeContext = { ...base, dataKeys: clearRing };
    const timings = { sealed: [] as number[], clear: [] as number[] };
    // In pairs, each pair's order swapped, so neither side always runs right after the other.
    for (let pair = 0; pair < TICKETS + 20; pair++) {
      const order = pair % 2 === 0 ? (['sealed', 'clear'] as const) : (['clear', 'sealed'] as const);
      for (const side of order) {
        const start = performance.now();
        await createTicket(side === 'sealed' ? sealed : clear, ticket(pair * 2 + (side === 'sealed' ? 0 : 1)), 'bench');
        if (pair >= 20) timings[side].push(performance.now() - start);
      }
    }
    const [withKey, without] = [summarise(timings.sealed), summarise(timings.clear)];
    const ring = createDataKeyRing(randomBytes(32));
    const rounds = 20_000;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) ring.open(ring.seal('13812345678', 'customer'), 'customer');
    const sealOpenUs = ((performance.now() - start) / rounds) * 1000;
    const added = withKey.median - without.median;
    return [
      { bench: 'data key', metric: 'ticket creation, sealed (p50 / p95)', value: `${fmtMs(withKey.median)} / ${fmtMs(withKey.p95)}` },
      { bench: 'data key', metric: 'ticket creation, in clear (p50 / p95)', value: `${fmtMs(without.median)} / ${fmtMs(without.p95)}` },
      {
        bench: 'data key',
        metric: 'added by sealing (p50)',
        value: fmtMs(added),
        target: `< ${TARGET_ADDED_MS} ms`,
        pass: added < TARGET_ADDED_MS,
      },
      { bench: 'data key', metric: 'seal + open one value', value: `${sealOpenUs.toFixed(1)} µs` },
    ];
  } finally {
    await store.close();
  }
}
