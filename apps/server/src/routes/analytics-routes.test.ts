import { AnalyticsOverview, FlowAnalytics, NodeTickets, Scorecard, TicketCreatedResponse, WeeklyReport } from '@switchyard/api';
import { createWorker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { matching } from '../__fixtures__/matchers';
import { expectBody } from '../__fixtures__/route-contract';
import { TEST_ADMIN_TOKEN, type TestApp, testApp } from '../__fixtures__/test-app';
import { printPdf } from '../reports/weekly-pdf';

/** Sets the category, then waits an hour for an agent's reply (resolve) or escalates. */
const deskFlow = {
  id: 'desk',
  name: 'Desk',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'categorize', type: 'set_category', config: { category: 'logistics' } },
    { id: 'wait', type: 'wait_for_event', config: { event: 'agent.reply', timeout: '1h' } },
    { id: 'resolve', type: 'set_status', config: { status: 'resolved' } },
    { id: 'escalate', type: 'escalate', config: { level: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'categorize' },
    { id: 'e2', source: 'categorize', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'event', target: 'resolve' },
    { id: 'e4', source: 'wait', sourceHandle: 'timeout', target: 'escalate' },
  ],
};

const WEEK = '2026-W18';

describe.each(testDatabases)('analytics routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  const ids: string[] = [];
  const today = () => t.ctx.clock.now().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = testApp(store);
    await t.call('POST', '/api/flows', { name: 'Desk', document: deskFlow });
    await t.call('POST', '/api/flows/desk/versions');
    await t.call('PUT', '/api/flows/desk/rollout', { stable: 1 });
    for (const channel of ['chat', 'email', 'chat']) {
      const created = expectBody(
        await t.call('POST', '/api/tickets', { channel, subject: '快递到哪了', customer: { id: `c-${channel}` } }),
        TicketCreatedResponse,
      );
      ids.push(created.id);
    }
    const worker = createWorker(t.ctx);
    await worker.runUntilIdle();
    await t.call('POST', `/api/tickets/${ids[0] ?? ''}/events`, { type: 'agent.reply', agentId: 'a1', body: '在路上了' });
    await worker.runUntilIdle();
  }, 60_000);

  it('answers the overview and a flow analytics from the rollups, and refuses a bad period naming the field', async () => {
    const day = today();
    const overview = expectBody(await t.call('GET', `/api/analytics/overview?from=${day}&to=${day}`), AnalyticsOverview);
    expect(overview).toMatchObject({
      total: 3,
      byChannel: [
        { key: 'chat', count: 2 },
        { key: 'email', count: 1 },
      ],
      fcr: { count: 1, of: 1 },
    });
    expect(expectBody(await t.call('GET', `/api/analytics/overview?from=${day}&to=${day}&channel=email`), AnalyticsOverview).total).toBe(1);
    const flow = expectBody(await t.call('GET', `/api/flows/desk/analytics?from=${day}&to=${day}&version=1`), FlowAnalytics);
    expect(flow.nodes.find((n) => n.id === 'categorize')).toMatchObject({ entered: 3, categorized: 3 });
    expect(flow.edges.find((e) => e.id === 'e3')).toMatchObject({ count: 1, share: 1 });
    const sample = expectBody(await t.call('GET', `/api/flows/desk/analytics/tickets?node=resolve&from=${day}&to=${day}`), NodeTickets);
    expect(sample.tickets.map((x) => x.id)).toEqual([ids[0]]);
    expect(await t.call('GET', '/api/analytics/overview?from=2026-12-09&to=2026-12-01')).toMatchObject({
      status: 400,
      body: { details: [{ path: 'from' }] },
    });
    expect(await t.call('GET', '/api/flows/desk/analytics?version=7')).toMatchObject({
      status: 400,
      body: { details: [{ path: 'version' }] },
    });
    expect(await t.call('GET', '/api/flows/nope/analytics')).toMatchObject({ status: 404 });
  });

  it('scores the week with a configurable scorecard and exports it as CSV and PDF (CJK fonts embedded)', async () => {
    // The test clock stands on Friday 2026-05-01: ISO week 18 runs from Monday 04-27 to Sunday 05-03.
    const week = WEEK;
    const saved = { metrics: [{ metric: 'fcr', target: 0.5, weight: 10 }], cap: 1.5 };
    expect(expectBody(await t.call('PUT', '/api/reports/scorecard', saved), Scorecard)).toEqual(saved);
    const report = expectBody(await t.call('GET', `/api/reports/weekly?week=${week}`), WeeklyReport);
    // fcr 1/1 against 0.5: ratio 2, capped at 1.5 x weight.
    expect(report.scorecard).toEqual({ rows: [{ metric: 'fcr', target: 0.5, weight: 10, actual: 1, score: 15 }], total: 15, max: 15 });
    expect(report.lines.find((l) => l.metric === 'total')).toEqual({ metric: 'total', current: 3, previous: 0, change: 3 });
    const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const csv = await t.app.request(`/api/reports/weekly?week=${week}&format=csv`, { headers: auth });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('section,metric,this week,week before,change,target,weight,score');
    expect(text).toContain('comparison,total,3,0,3');
    expect(text).toContain('category,logistics,3');
    const pdf = await t.app.request(`/api/reports/weekly?week=${week}&format=pdf`, { headers: auth });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/CJK/);
    expect(await t.call('GET', '/api/reports/weekly?week=2026-W60')).toMatchObject({ status: 400, body: { details: [{ path: 'week' }] } });
  }, 60_000);

  it('names what the PDF needs when the machine lacks it, in both languages', async () => {
    await expect(printPdf('<p>x</p>', { chromium: '/nonexistent/chromium', fontDirs: ['/nonexistent'] })).rejects.toMatchObject({
      missing: ['chromium', 'fonts-noto-cjk'],
      message: matching(/chromium and fonts-noto-cjk.*导出 PDF 需要服务器安装 chromium、fonts-noto-cjk/),
    });
    process.env.SWITCHYARD_CHROMIUM = '/nonexistent/chromium';
    try {
      const answer = await t.call('GET', `/api/reports/weekly?week=${WEEK}&format=pdf`);
      expect(answer).toMatchObject({ status: 503, body: { details: { missing: ['chromium'] } } });
    } finally {
      delete process.env.SWITCHYARD_CHROMIUM;
    }
  });
});
