import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createApiToken, createManualClock, createUser, type RuntimeContext, seedExamples } from '@switchyard/runtime';
import { createApp } from '@switchyard/server';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { z } from 'zod';
import { openBenchDatabase } from './bench-database';
import { summarise } from './measure';
import { type BenchRow, fmtMs } from './report';

const DATABASE = 'bench_console';
const OPEN = 10_000;
/** Resolved and closed tickets of the month before, beside the open queue (`view=all` and search see them). */
const PAST = 40_000;
const NOW = '2026-12-06T10:00:00Z';
const ROUNDS = 15;
const TARGET_MS = 200;
const ADMIN_TOKEN = 'bench-console-admin';
const EXAMPLES = join(import.meta.dirname, '..', 'examples');

/** The roster's agents with their group (examples/agents.json): open tickets are assigned within their group. */
const AGENTS: readonly (readonly [string, string])[] = [
  ['li-na', 'after_sales'],
  ['wang-qiang', 'after_sales'],
  ['liu-yang', 'after_sales'],
  ['zhang-min', 'after_sales'],
  ['emily-chen', 'after_sales'],
  ['sun-hao', 'logistics'],
  ['tom-zhang', 'logistics'],
  ['zhao-peng', 'tech_support'],
  ['chen-yu', 'tech_support'],
  ['sarah-wu', 'tech_support'],
  ['huang-li', 'finance'],
  ['ma-lin', 'pre_sales'],
];
const SUBJECTS = [
  '快递三天没动了',
  '退货退款',
  '发票开错了',
  '账号无法登录',
  '优惠券不能用',
  'Refund not received',
  'Wrong size',
  '物流信息不更新',
];
const BODIES = [
  '订单一直显示待发货，请帮忙查一下',
  '鞋子不合适，我要退货退款',
  '发票抬头写错了，需要重开',
  '登录时提示密码错误，已经重置过',
  'The parcel has not moved for a week, please check',
  '客服电话打不通，请尽快回复',
];

const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * 10,000 open tickets (priorities, groups, three in four assigned, one in five untouched, one in fifty
 * escalated, an SLA timer each, one in 25 breached) and 40,000 past ones, bulk-inserted by SQL from one
 * template ticket opened through the API (its stats and its customer's sealed name are copied), then
 * analysed. Rebuilt every run: the customer names are sealed with this run's data key.
 */
async function build(db: Kysely<never>, app: ReturnType<typeof createApp>): Promise<void> {
  await sql`truncate tickets, ticket_flows, ticket_outcomes, ticket_events, ticket_messages, timers, outbox, step_ins, user_notifications, analytics_tickets, customers cascade`.execute(
    db,
  );
  const res = await app.request('/api/tickets', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'chat',
      subject: '模板',
      body: '模板',
      customer: { id: 'QC0', name: '王女士', tier: 'vip', contact: '13800138000' },
    }),
  });
  const template = z.object({ id: z.string() }).parse(await res.json()).id;
  const agents = sqlArray(AGENTS.map(([id]) => id));
  const groups = sqlArray(AGENTS.map(([, group]) => group));
  const all = OPEN + PAST;
  await sql
    .raw(
      `insert into customers (id, name, tier, contact)
       select 'QC' || i, c.name, case when i % 10 = 0 then 'vip' else 'standard' end, c.contact
       from generate_series(1, 3000) i, customers c where c.id = 'QC0'`,
    )
    .execute(db);
  await sql
    .raw(
      `create temporary table bench_queue as
       select i, 'q' || i as id, i <= ${OPEN} as open,
         case when i <= ${OPEN} then timestamptz '${NOW}' - ((i * 17) % 2880) * interval '1 minute'
              else timestamptz '${NOW}' - interval '2 days' - ((i * 31) % 40320) * interval '1 minute' end as created_at,
         (i * 7) % ${AGENTS.length} + 1 as a
       from generate_series(1, ${all}) i`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into tickets (id, number, channel, subject, body, customer_id, order_id, category, priority, status, "group", assignee,
         tags, flags, escalation_level, stats, created_at, updated_at, wake_at, touched_at)
       select b.id, 'GD202611' || lpad(b.i::text, 6, '0'), (array['chat','email','web','phone','social'])[b.i % 5 + 1],
         (${sqlArray(SUBJECTS)})[b.i % ${SUBJECTS.length} + 1], (${sqlArray(BODIES)})[b.i % ${BODIES.length} + 1],
         'QC' || (b.i % 3000 + 1), null, null,
         case when b.i % 10 = 0 then 'urgent' when b.i % 10 < 3 then 'high' else 'normal' end,
         case when not b.open then (case when b.i % 4 = 0 then 'closed' else 'resolved' end) when b.i % 3 = 0 then 'new' else 'processing' end,
         (${groups})[b.a], case when b.i % 4 = 0 then null else (${agents})[b.a] end,
         '[]', '[]', case when b.open and b.i % 50 = 0 then 1 else 0 end, t.stats,
         b.created_at, b.created_at, null, case when b.i % 5 = 0 then null else b.created_at + interval '5 minutes' end
       from bench_queue b, tickets t where t.id = '${template}'`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
       select id, 'sla-first-response', 1, null, '{}', created_at from bench_queue`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into timers (ticket_id, flow_id, timer_id, event_type, due_at)
       select id, 'sla-first-response', 'xstate.after.4h.sla-first-response.sla-wait-deadline', 'xstate.after.4h.sla-first-response.sla-wait-deadline',
         created_at + interval '4 hours'
       from bench_queue where open and i % 5 <> 1`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into ticket_outcomes (ticket_id, flow_id, version, started_at, sla_breached_at)
       select id, 'sla-first-response', 1, created_at, case when i % 25 = 0 then created_at + interval '4 hours' end from bench_queue`,
    )
    .execute(db);
  await sql`drop table bench_queue`.execute(db);
  await sql`analyze`.execute(db);
}

async function timed(run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const { median, p95 } = summarise(samples);
  return { median, p95 };
}

const Page = z.array(z.object({ id: z.string(), queue: z.object({ cursor: z.string() }).optional() }));

/**
 * Issue 18's speed target on the real PostgreSQL: with 10,000 open tickets (and 40,000 past ones),
 * every queue view, the urgency order, a search in Chinese and by number, a deep page and the
 * counts answer in under 200 ms server time. Timed in process through the app (auth, query,
 * ticket views, JSON), as the admin (every ticket), a supervisor of three groups and an agent.
 */
export async function benchConsoleQueue(): Promise<BenchRow[]> {
  process.env.SWITCHYARD_DATA_KEY ??= randomBytes(32).toString('base64');
  const store = await openBenchDatabase(DATABASE, { fresh: false });
  try {
    const ctx: RuntimeContext = {
      db: store.db,
      registry: createNodeRegistry([...builtinNodes, billingSuspend]),
      clock: createManualClock(NOW),
      logger: pino({ level: 'silent' }),
    };
    const app = createApp({ ctx, adminToken: ADMIN_TOKEN });
    const agentCount = await sql<{ n: number }>`select count(*)::int as n from agents`.execute(store.db);
    if ((agentCount.rows[0]?.n ?? 0) === 0) await seedExamples(ctx, EXAMPLES);
    const started = performance.now();
    await build(store.db as unknown as Kysely<never>, app);
    const built = performance.now() - started;
    const tokenOf = async (email: string, roles: ('agent' | 'supervisor')[], groups: string[], agentId: string) => {
      const user = await createUser(ctx, { email, name: email, roles, groups, agentId }, 'bench');
      return (await createApiToken(ctx, { id: user.id, roles: user.roles }, { name: 'bench' }, 'bench')).token;
    };
    const stamp = Date.now();
    const agent = await tokenOf(`agent-${stamp}@bench.example`, ['agent'], ['after_sales'], 'li-na');
    const supervisor = await tokenOf(
      `supervisor-${stamp}@bench.example`,
      ['supervisor'],
      ['after_sales', 'logistics', 'tech_support'],
      'zhou-jing',
    );
    const get = async (token: string, path: string): Promise<unknown> => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      const body: unknown = await res.json();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    // The cursor of page 20 of the urgency order, walked once.
    let cursor = '';
    for (let page = 0; page < 19; page++) {
      const rows = Page.parse(await get(ADMIN_TOKEN, `/api/tickets?view=all&sort=urgency&limit=50${cursor ? `&cursor=${cursor}` : ''}`));
      cursor = rows.at(-1)?.queue?.cursor ?? '';
    }
    const requests: readonly (readonly [string, string, string])[] = [
      ['admin', ADMIN_TOKEN, '/api/tickets?view=all&limit=50'],
      ['admin', ADMIN_TOKEN, '/api/tickets?view=all&sort=urgency&limit=50'],
      ['admin', ADMIN_TOKEN, `/api/tickets?view=all&sort=urgency&limit=50&cursor=${cursor}`],
      ['admin', ADMIN_TOKEN, '/api/tickets?view=unassigned&sort=urgency&limit=50'],
      ['admin', ADMIN_TOKEN, '/api/tickets?view=at_risk&sort=urgency&limit=50'],
      ['admin', ADMIN_TOKEN, '/api/tickets?view=overdue&sort=urgency&limit=50'],
      ['admin', ADMIN_TOKEN, '/api/tickets?view=abnormal&limit=50'],
      ['admin', ADMIN_TOKEN, `/api/tickets?q=${encodeURIComponent('快递')}&limit=50`],
      ['admin', ADMIN_TOKEN, `/api/tickets?view=all&sort=urgency&q=${encodeURIComponent('退款')}&limit=50`],
      ['admin', ADMIN_TOKEN, '/api/tickets?q=gd202611004321&limit=50'],
      ['admin', ADMIN_TOKEN, '/api/queues'],
      ['supervisor', supervisor, '/api/tickets?view=group&sort=urgency&limit=50'],
      ['supervisor', supervisor, '/api/tickets?view=overdue&sort=urgency&limit=50'],
      ['supervisor', supervisor, '/api/queues'],
      ['agent', agent, '/api/tickets?view=mine&sort=urgency&limit=50'],
      ['agent', agent, '/api/tickets?view=group&sort=urgency&limit=50'],
      ['agent', agent, `/api/tickets?view=group&q=${encodeURIComponent('发票')}&limit=50`],
      ['agent', agent, '/api/queues'],
    ];
    const bench = `console queue (PostgreSQL, ${OPEN.toLocaleString('en-US')} open tickets)`;
    const rows: BenchRow[] = [
      { bench, metric: `data set: open / past tickets`, value: `${OPEN.toLocaleString('en-US')} / ${PAST.toLocaleString('en-US')}` },
      { bench, metric: 'bulk build', value: fmtMs(built) },
    ];
    for (const [who, token, path] of requests) {
      const { median, p95 } = await timed(() => get(token, path));
      const shown = path.replace(/cursor=[^&]+/, 'cursor=<page 20>').replace(/q=[^&]+/, (q) => decodeURIComponent(q));
      rows.push({
        bench,
        metric: `${who}: GET ${shown} (median, p95 of ${ROUNDS})`,
        value: `${fmtMs(median)}, ${fmtMs(p95)}`,
        target: `< ${TARGET_MS} ms`,
        pass: median < TARGET_MS,
      });
    }
    return rows;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderTable } = await import('./report');
  console.log(renderTable(await benchConsoleQueue()));
}
