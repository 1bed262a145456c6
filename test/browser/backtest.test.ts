import type { RuntimeStats } from '@switchyard/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditor } from '../../apps/editor/e2e/build-editor';
import { type Browser, launchChromium } from '../../apps/editor/e2e/chromium';
import { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type SwitchyardServer, startSwitchyard } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 20's "done when" for the editor, in Debian's Chromium against the real server: tickets run
 * durably through the example flows (posted through the API, run by the server's worker), then the
 * intake flow's draft loses one logistics keyword (快递) in the inspector, "Test on past tickets"
 * replays the recorded tickets through it, the summary names exactly the 快递 tickets, and one of
 * them opens with both paths lit on the canvas. Screenshots (1280x800, en and zh-CN) land in
 * test-artifacts/browser as backtest-*.png.
 */
let server: SwitchyardServer;
let browser: Browser;
let editor: EditorPage;
const FLOW = 'intake-classify';
const TICKETS = [
  { channel: 'chat', subject: '快递三天了还没到', body: '麻烦查一下', customer: { id: 'bt-1' } },
  { channel: 'web', subject: 'Where is my 快递?', body: 'order placed last week', customer: { id: 'bt-2' } },
  { channel: 'chat', subject: '物流信息一直不更新', body: '', customer: { id: 'bt-3' } },
  { channel: 'email', subject: 'Invoice needed for my order', body: '', customer: { id: 'bt-4' } },
  { channel: 'web', subject: '我要退货退款', body: '', customer: { id: 'bt-5' } },
] as const;
/** The tickets whose category the draft changes: only 快递 made them logistics. */
const CHANGED = new Set(['bt-1', 'bt-2']);

interface TicketRow {
  readonly id: string;
  readonly category: string | null;
  readonly customer: { readonly id: string };
}

beforeAll(async () => {
  browser = await launchChromium({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  await buildEditor();
  server = await startSwitchyard();
  for (const ticket of TICKETS) await server.asAdmin('POST', '/api/tickets', ticket);
  // The server's worker runs the flows on each ticket: wait until every one has its category and no work is left.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const list = await server.asAdmin<TicketRow[]>('GET', '/api/tickets?limit=20');
    const stats = await server.asAdmin<RuntimeStats>('GET', '/api/runtime/stats');
    const idle = stats.ticketsDue === 0 && stats.eventsPending === 0 && stats.effects.pending + stats.effects.running === 0;
    if (list.filter((t) => t.category !== null).length === TICKETS.length && idle) break;
    if (Date.now() > deadline) throw new Error(`the worker did not finish the tickets: ${JSON.stringify({ list, stats })}`);
    // Polling a real server's worker: the ticket list and the runtime status are the signal.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const page = await browser.context.newPage();
  await page.route(
    (url) => !url.href.startsWith(server.url) && url.protocol.startsWith('http'),
    (route) => route.abort(),
  );
  // A render error unmounts the page: say so rather than only time out waiting for what vanished.
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  editor = new EditorPage(page);
  await editor.signIn(server.url, server.admin);
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('backtest from the editor', { timeout: 180_000 }, () => {
  it('replays the recorded tickets through a draft with one keyword fewer and names exactly the tickets that change', async () => {
    const { page } = editor;
    const tickets = await server.asAdmin<TicketRow[]>('GET', '/api/tickets?limit=20');
    const changedIds = tickets.filter((t) => CHANGED.has(t.customer.id)).map((t) => t.id);
    expect(changedIds).toHaveLength(CHANGED.size);

    await page.goto(`${server.url}/#/flows/${FLOW}`);
    await page.getByTestId('flow-editor').waitFor();
    // The whole flow opens zoomed out (titles drawn large): a click anywhere on the node selects it.
    await editor.node('ic-is-logistics').click();
    await page.locator('[data-testid="inspector"][data-node-id="ic-is-logistics"]').waitFor();
    await page.locator('[data-testid="field-keywords"] button[aria-label="remove 快递"]').click();
    await editor.waitSaved();

    await page.getByTestId('backtest-draft').click();
    await page.getByTestId('backtest-panel').waitFor();
    expect(await page.getByTestId('backtest-target').inputValue()).toBe('draft');
    await page.getByTestId('backtest-start').click();
    const job = page.getByTestId('backtest-job');
    await job.waitFor();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('backtest-replayed').textContent()).toBe(String(TICKETS.length));
    expect(await page.getByTestId('backtest-replay-errors').textContent()).toBe('0');
    expect(await page.getByTestId('backtest-differing').textContent()).toBe(String(CHANGED.size));
    const category = page.locator('[data-testid="backtest-kinds"] li[data-kind="category"] [data-testid="backtest-ticket-link"]');
    const listed = await category.evaluateAll((links) => links.map((l) => l.getAttribute('data-ticket-id')));
    expect(listed.sort()).toEqual([...changedIds].sort());
    await editor.screenshot('backtest-01-summary-en');
  });

  it('opens a differing ticket: both replays side by side and both paths lit on the canvas', async () => {
    const { page } = editor;
    await page.locator('[data-testid="backtest-difference"] [data-testid="backtest-ticket-link"]').first().click();
    const detail = page.getByTestId('backtest-ticket');
    await detail.waitFor();
    expect(await detail.locator('[data-testid="final"]').count()).toBe(2);
    await expect(detail.locator('[data-testid="final"]').first().textContent()).resolves.toMatch(/category logistics/);
    await expect(detail.locator('[data-testid="final"]').nth(1).textContent()).resolves.not.toMatch(/category logistics/);
    // The baseline went on to the logistics branch, the draft did not; the trigger both walked.
    await expect.poll(() => editor.node('ic-set-logistics').locator('.flow-node').getAttribute('data-path')).toBe('baseline');
    expect(await page.locator('.flow-node[data-path="both"]').count()).toBeGreaterThan(1);
    expect(await page.locator('.flow-node[data-path="candidate"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.react-flow__edge-path.path-baseline').count()).toBeGreaterThan(0);
    await editor.screenshot('backtest-02-ticket-en');
  });

  it('reads the same in Chinese', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('tab-backtest').textContent()).toBe('历史工单');
    await expect.poll(() => page.locator('.path-legend').textContent()).toMatch(/实际路径/);
    await editor.screenshot('backtest-03-ticket-zh-CN');
    await page.getByTestId('backtest-ticket-close').click();
    await page.getByTestId('backtest-figures').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('backtest-figures').textContent()).toMatch(/已重放工单/);
    await editor.screenshot('backtest-04-summary-zh-CN');
  });
});
