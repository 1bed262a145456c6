import { pathToFileURL } from 'node:url';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  checkRollouts,
  createFlow,
  createManualClock,
  createTicket,
  createWorker,
  flowMetrics,
  publishVersion,
  type RuntimeContext,
  saveDraft,
  setRollout,
} from '@switchyard/runtime';
import { testPostgres } from '@switchyard/runtime/testing';
import pino from 'pino';
import { summarise } from './measure';
import { type BenchRow, fmtMs, fmtRate, renderTable } from './report';

const TICKETS = Number(process.env.ROLLOUT_BENCH_TICKETS ?? 5_000);
const CONCURRENCY = 4;
const ROUNDS = 5;
const HOUR = 3_600_000;

/** v1 waits an hour for an agent and escalates; v2 replies at once: two versions with different numbers. */
function benchFlow(variant: 1 | 2) {
  const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config, position: { x: 0, y: 0 } });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}-${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  return {
    id: 'rollout-bench',
    name: 'Rollout bench',
    nodes: [
      node('start', 'ticket_created'),
      node('categorize', 'set_category', { category: variant === 1 ? 'old' : 'new' }),
      ...(variant === 1
        ? [node('wait', 'wait_for_event', { event: 'agent.reply', timeout: '1h' }), node('escalate', 'escalate', { level: 1 })]
        : [node('ack', 'reply', { template: '您好，已收到。' })]),
    ],
    edges:
      variant === 1
        ? [edge('start', 'next', 'categorize'), edge('categorize', 'next', 'wait'), edge('wait', 'timeout', 'escalate')]
        : [edge('start', 'next', 'categorize'), edge('categorize', 'next', 'ack')],
  };
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * On the real PostgreSQL: TICKETS new tickets opened through createTicket with a 10%
 * candidate (bucketing included), run by the worker (v1's waits time out), then the
 * metrics endpoint's work and one guardrail check timed over them.
 */
export async function benchRolloutMetrics(): Promise<BenchRow[]> {
  const store = await testPostgres.open();
  try {
    const ctx: RuntimeContext = {
      db: store.db,
      registry: createNodeRegistry(builtinNodes),
      clock: createManualClock('2026-06-01T09:00:00+08:00'),
      logger: pino({ level: 'silent' }),
    };
    await createFlow(ctx, { name: 'Rollout bench', document: FlowDocument.parse(benchFlow(1)) }, 'bench');
    await publishVersion(ctx, 'rollout-bench', 'bench');
    await saveDraft(ctx, 'rollout-bench', FlowDocument.parse(benchFlow(2)), 'bench');
    await publishVersion(ctx, 'rollout-bench', 'bench');
    await setRollout(
      ctx,
      'rollout-bench',
      { stable: 1, candidate: 2, percent: 10, guardrails: [{ metric: 'slaBreachRate', worseThanStableBy: 50, minTickets: 10 }] },
      'bench',
    );

    let opened = 0;
    const creation = await timed(() =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (opened < TICKETS) {
            opened++;
            await createTicket(ctx, { channel: 'chat', subject: '咨询', body: '', customer: { id: `c${opened % 500}` } }, 'bench');
          }
        }),
      ),
    );
    const worker = createWorker(ctx, { batchSize: 64 });
    await worker.runUntilIdle();
    (ctx.clock as ReturnType<typeof createManualClock>).advance(2 * HOUR);
    await worker.runUntilIdle();

    const metrics = summarise(await sequence(ROUNDS, () => timed(() => flowMetrics(ctx, 'rollout-bench'))));
    const guardrails = summarise(await sequence(ROUNDS, () => timed(() => checkRollouts(ctx))));
    const bench = 'rollout (PostgreSQL)';
    return [
      {
        bench,
        metric: `open a ticket with 10% candidate bucketing (${CONCURRENCY} clients)`,
        value: fmtRate(TICKETS / (creation / 1000), 'tickets/s'),
      },
      {
        bench,
        metric: `GET metrics over ${TICKETS.toLocaleString('en-US')} tickets, 2 versions (median of ${ROUNDS})`,
        value: fmtMs(metrics.median),
      },
      { bench, metric: `guardrail check over the same tickets (median of ${ROUNDS})`, value: fmtMs(guardrails.median) },
    ];
  } finally {
    await store.close();
  }
}

async function sequence(times: number, run: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await run());
  return samples;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.log(renderTable(await benchRolloutMetrics()));
