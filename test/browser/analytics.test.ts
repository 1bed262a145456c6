import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 19's "done when" for the editor, in Debian's Chromium against the real server (its worker
 * runs the seeded example flows): the analytics dashboard with its charts and how each figure is
 * computed, a period and channel switch, the weekly CSV and PDF downloads, and a flow's figures
 * drawn on its canvas with sample tickets behind a node, and two versions side by side. Screenshots (1280x800, en and zh-CN) land
 * in test-artifacts/browser as analytics-*.png.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;
const FLOW = 'intake-classify';

const asAdmin = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => server.asAdmin<T>(method, path, body);

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    prepare: async (started) => {
      server = started;
      const tickets = [
        { channel: 'chat', subject: '快递还没到，物流单号 DD123456', customer: { id: 'c1' } },
        { channel: 'chat', subject: '我要退货退款', customer: { id: 'c2' } },
        { channel: 'email', subject: 'Invoice needed for my order', customer: { id: 'c3' } },
        { channel: 'web', subject: 'App crash on login 登录失败', customer: { id: 'c4' } },
      ];
      for (const ticket of tickets) await asAdmin('POST', '/api/tickets', ticket);
      // The server's worker runs the intake flow on each: wait until every ticket has its category.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const list = await asAdmin<{ category: string | null }[]>('GET', '/api/tickets?limit=10');
        if (list.filter((t) => t.category !== null).length === tickets.length) break;
        if (Date.now() > deadline) throw new Error(`the worker did not categorize the tickets: ${JSON.stringify(list)}`);
        // Polling a real server's worker: the ticket list is the signal.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('analytics', { timeout: 120_000 }, () => {
  it('shows the dashboard with charts and how each figure is computed, and switches period and channel', async () => {
    const { page } = editor;
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('figure-cards').waitFor();
    const total = page.locator('[data-figure="total"] .figure-value');
    await expect.poll(() => total.textContent()).toBe('4');
    await expect(page.locator('[data-figure="fcr"]').getAttribute('title')).resolves.toMatch(/at most one agent reply/);
    await page.locator('[data-testid="chart-by-category"] svg').waitFor();
    await page.locator('[data-testid="chart-by-day"] svg').waitFor();
    await editor.screenshot('analytics-01-dashboard-en');

    await page.getByTestId('period-7').click();
    const from = await page.getByTestId('period-from').inputValue();
    const to = await page.getByTestId('period-to').inputValue();
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
    await page.getByTestId('filter-channel').selectOption('chat');
    await expect.poll(() => total.textContent()).toBe('2');
    await page.getByTestId('filter-channel').selectOption('');
    await expect.poll(() => total.textContent()).toBe('4');
  });

  it('downloads the weekly report as CSV and as a PDF', async () => {
    const { page } = editor;
    await page.getByTestId('scorecard-total').waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('weekly-csv').click()]);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csvText.replace(/^\uFEFF/, '').split('\n')[0]).toBe('section,metric,this week,week before,change,target,weight,score');
    expect(csvText).toContain('comparison,total,4,');
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('weekly-pdf').click()]);
    const bytes = await readFile(await pdf.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.suggestedFilename()).toMatch(/^switchyard-weekly-\d{4}-W\d{2}\.pdf$/);
  });

  it("draws a flow's figures on its canvas and lists the tickets behind a node", async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/${FLOW}`);
    await page.getByTestId('tab-analytics').click();
    await page.getByTestId('analytics-panel').waitFor();
    await expect.poll(() => page.getByTestId('overlay-tickets').textContent()).toMatch(/^4 tickets/);
    await page.getByTestId('analytics-badge').first().waitFor();
    expect(await page.getByTestId('analytics-edge-label').count()).toBeGreaterThan(0);
    await page.locator('.analytics-panel tr[data-node]').first().click();
    await page.getByTestId('overlay-samples').waitFor();
    await expect.poll(() => page.locator('[data-testid="overlay-samples"] a').count()).toBe(4);
    expect(await page.locator('[data-testid="overlay-samples"] a').first().getAttribute('href')).toMatch(/^#\/tickets\//);
    await page.getByTestId('overlay-period-7').click();
    await expect.poll(() => page.getByTestId('overlay-tickets').textContent()).toMatch(/^4 tickets/);
    await editor.screenshot('analytics-02-flow-overlay-en');
  });

  it('sets a second version beside the first, on the table and the canvas', async () => {
    const { page } = editor;
    await asAdmin('POST', `/api/flows/${FLOW}/versions`, { note: 'Beside v1' });
    await page.reload();
    await page.getByTestId('tab-analytics').click();
    await page.getByTestId('overlay-version').selectOption('1');
    await page.getByTestId('overlay-against').selectOption('2');
    // Every ticket ran v1; the new v2 has none yet: each node reads "v1 n | v2 0".
    await expect.poll(() => page.getByTestId('overlay-tickets').textContent()).toBe('v1: 4 tickets entered the flow | v2: 0');
    const badges = await page.getByTestId('analytics-badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge).toMatch(/^v1 \d+ \| v2 0$/);
    expect(badges).toContain('v1 4 | v2 0');
    await editor.screenshot('analytics-02b-two-versions-en');
  });

  it('reads the same in Chinese', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('overlay-tickets').textContent()).toMatch(/4 张工单/);
    await editor.screenshot('analytics-03-flow-overlay-zh-CN');
    await page.getByTestId('nav-analytics').click();
    await page.locator('[data-testid="chart-by-category"] svg').waitFor();
    await expect.poll(() => page.locator('[data-figure="fcr"] .figure-name').textContent()).toMatch(/首次解决率/);
    await editor.screenshot('analytics-04-dashboard-zh-CN');
  });
});
