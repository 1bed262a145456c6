import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 18, "Why: the trace", in Debian's Chromium against the real server (its worker runs the
 * seeded example flows): from a ticket's page one click opens its trace on the flow's canvas, the
 * path lit, each condition showing its answer and the inputs behind it, the assignment its
 * candidates, the resting node and its timer marked; in English and in Chinese. Screenshots
 * (1280x800) land in test-artifacts/browser as trace-canvas-*.png.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;
let ticketId = '';

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    prepare: async (started) => {
      server = started;
      const created = await server.asAdmin<{ id: string }>('POST', '/api/tickets', {
        channel: 'chat',
        subject: '我要退货，订单 DD20260101',
        body: '鞋子尺码不对，想退货换货',
        customer: { id: 'trace-vip', name: '王女士', tier: 'vip' },
      });
      ticketId = created.id;
      // The server's worker runs the flows: wait until the after-sales routing has assigned the ticket.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ticket = await server.asAdmin<{ assignee: string | null; category: string | null }>('GET', `/api/tickets/${ticketId}`);
        if (ticket.assignee !== null && ticket.category !== null) break;
        if (Date.now() > deadline) throw new Error(`the worker did not route the ticket: ${JSON.stringify(ticket)}`);
        // Polling a real server's worker: the ticket is the signal.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('a ticket’s trace on the canvas', { timeout: 120_000 }, () => {
  it('opens from the ticket page in one click: the path lit, each condition’s answer and inputs', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/tickets/${encodeURIComponent(ticketId)}`);
    await page.getByTestId('ticket-page').waitFor();
    await page.getByTestId('trace-canvas-intake-classify').click();
    const canvas = page.getByTestId('trace-canvas');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-flow-id')).toBe('intake-classify');
    // The path is lit: the after-sales branch and the edges into it.
    await expect.poll(() => editor.node('ic-is-after-sales').locator('.flow-node.visited').count()).toBe(1);
    expect(await page.locator('.react-flow__edge-path.flow-edge.visited').count()).toBeGreaterThan(2);
    expect(await editor.node('ic-is-logistics').locator('.flow-node.visited').count()).toBe(0);
    // Each condition passed says what it decided and why.
    const afterSales = editor.node('ic-is-after-sales');
    await expect.poll(() => afterSales.getByTestId('trace-answer').textContent()).toBe('→ true');
    await expect.poll(() => afterSales.getByTestId('trace-input').first().textContent()).toBe('keyword “退货” found');
    await expect.poll(() => editor.node('ic-is-complaint').getByTestId('trace-input').first().textContent()).toBe('no keyword found');
    await expect
      .poll(() => editor.node('ic-is-vip').getByTestId('trace-input').first().textContent())
      .toBe('customer tier is vip · rule: is vip');
    // The list beside the canvas names the same.
    await expect
      .poll(() => page.locator('[data-testid="trace-step"][data-node-id="ic-is-after-sales"]').textContent())
      .toMatch(/decided → true/);
    await editor.screenshot('trace-canvas-01-intake-en');
  });

  it('shows an assignment’s candidates and why each was passed over', async () => {
    const { page } = editor;
    await page.getByTestId('trace-flow-after-sales-routing').click();
    await expect.poll(() => page.getByTestId('trace-canvas').getAttribute('data-flow-id')).toBe('after-sales-routing');
    const assigned = page.locator('.react-flow__node .flow-node.visited.kind-action [data-testid="trace-input"]');
    await expect.poll(() => assigned.first().textContent()).toMatch(/^picked [\w-]+ \(\d+ open\)$/);
    await expect
      .poll(() => assigned.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /: (offline|lacks the skill|other seniority|at the load limit|more open tickets|as few open tickets; ties go to the first id)$/,
          ),
        ]),
      );
    await editor.screenshot('trace-canvas-02-assignment-en');
  });

  it('marks the resting node and its timer', async () => {
    const { page } = editor;
    await page.getByTestId('trace-flow-sla-first-response').click();
    await expect.poll(() => page.getByTestId('trace-canvas').getAttribute('data-flow-id')).toBe('sla-first-response');
    const resting = page.locator('.flow-node.trace-resting');
    await expect.poll(() => resting.count()).toBe(1);
    await expect.poll(() => resting.getByTestId('trace-timer').first().textContent()).toMatch(/^Timer: times out at .+ \(in \d+m \d\ds\)$/);
    await expect.poll(() => page.getByTestId('trace-rest').textContent()).toMatch(/Rests in “/);
    await editor.screenshot('trace-canvas-03-resting-en');
  });

  it('reads the same in Chinese', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('trace-rest').textContent()).toMatch(/停在「/);
    await expect
      .poll(() => page.locator('.flow-node.trace-resting [data-testid="trace-timer"]').first().textContent())
      .toMatch(/^计时：超时，/);
    await editor.screenshot('trace-canvas-04-resting-zh-CN');
    await page.getByTestId('trace-flow-intake-classify').click();
    const afterSales = editor.node('ic-is-after-sales');
    await expect.poll(() => afterSales.getByTestId('trace-answer').textContent()).toBe('→ 是');
    await expect.poll(() => afterSales.getByTestId('trace-input').first().textContent()).toBe('找到关键词「退货」');
    await expect
      .poll(() => editor.node('ic-is-vip').getByTestId('trace-input').first().textContent())
      .toBe('客户等级为 vip · 规则：等于 vip');
    await editor.screenshot('trace-canvas-05-intake-zh-CN');
    await page.getByTestId('trace-flow-after-sales-routing').click();
    await expect
      .poll(() => page.locator('.flow-node.visited.kind-action [data-testid="trace-input"]').first().textContent())
      .toMatch(/^选中 /);
    await editor.screenshot('trace-canvas-06-assignment-zh-CN');
  });
});
