import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';
import { ordinal } from '../../apps/editor/src/model/run-position';

/*
 * Issue 17, "deliberate changes" and "failures in sight", in Debian's Chromium at 1280 x 800
 * against the real server: publishing asks for a change note that the versions list and the
 * comparison show; deploying says where the flow will run among the deployed flows; the run
 * order is changed by dragging and stays changed; a flow whose HTTP call is dead-lettered shows
 * the failure on its node, in its failures tab with a link to the ticket, on the flows list and in
 * the bell. Screenshots (en and zh-CN) land in test-artifacts/browser as product-*.png.
 */
const FLOW = 'failing-erp-call';
const FLOW_NAME = 'Failing ERP call 失败的 ERP 调用';

/** Waits for a value the page shows once it has read the server (a busy machine may take seconds). */
const poll = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });

let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;
type Page = EditorPage['page'];

const asAdmin = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => server.asAdmin<T>(method, path, body);

/** A ticket opened; the flow's HTTP call to a loopback address the guard refuses dies at its first try. */
async function openFailingTicket(subject: string): Promise<string> {
  const { id } = await asAdmin<{ id: string }>('POST', '/api/tickets', {
    channel: 'chat',
    subject,
    body: '我的订单还没到',
    customer: { id: 'C-product', name: '王女士' },
  });
  await poll(
    async () => (await asAdmin<{ ticketId: string }[]>('GET', `/api/effects?status=dead&flow=${FLOW}`)).some((e) => e.ticketId === id),
    60_000,
  ).toBe(true);
  return id;
}

async function setLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').first().selectOption(locale);
}

/** Screenshots of the screen as it is, in English and in Chinese; leaves it in English. */
async function shoot(name: string): Promise<void> {
  await setLanguage(editor.page, 'en');
  await editor.screenshot(`product-${name}-en`);
  await setLanguage(editor.page, 'zh-CN');
  await editor.screenshot(`product-${name}-zh-CN`);
  await setLanguage(editor.page, 'en');
}

/** Opens a page of the editor afresh (a reload: what it reads at start is read again). */
async function open(hash: string): Promise<void> {
  await editor.page.goto(`${server.url}/${hash}`);
  await editor.page.reload();
}

const deployedOrder = async () =>
  (await asAdmin<{ order: { flowId: string }[] }>('GET', '/api/deployments/order')).order.map((f) => f.flowId);

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    prepare: async (started) => {
      server = started;
      // A flow that calls the ERP on an address the HTTP guard refuses: every ticket's call is dead-lettered.
      await asAdmin('POST', '/api/flows', {
        name: FLOW_NAME,
        document: {
          id: FLOW,
          name: FLOW_NAME,
          nodes: [
            { id: 'start', type: 'ticket_created', label: 'New ticket 新工单', position: { x: 0, y: 0 } },
            {
              id: 'notify-erp',
              type: 'http',
              label: 'Tell the ERP 通知 ERP',
              position: { x: 0, y: 160 },
              config: { method: 'POST', url: 'http://127.0.0.1:9/orders', body: '{"ticket":"{{ticket.id}}"}' },
            },
          ],
          edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'notify-erp' }],
        },
      });
      await asAdmin('POST', `/api/flows/${FLOW}/versions`, { note: 'First try: tell the ERP about new tickets' });
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('deliberate changes', { timeout: 180_000 }, () => {
  it('asks for a change note on publish and shows it in the versions list and the comparison', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/${FLOW}`);
    await editor.node('notify-erp').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-dialog').waitFor();
    // No note: the dialog says why one is wanted and publishes nothing.
    await page.getByTestId('publish-confirm').click();
    await poll(() => page.getByTestId('publish-note-hint').textContent()).toContain('Write a short note first');
    await page.getByTestId('publish-note').fill('Also send the order number 同时发送订单号');
    await shoot('01-publish-note');
    await page.getByTestId('publish-confirm').click();
    await poll(() => page.getByTestId('notice').textContent()).toContain('2');
    const detail = await asAdmin<{ versions: { version: number; note: string | null }[] }>('GET', `/api/flows/${FLOW}`);
    expect(detail.versions.map((v) => v.note)).toEqual([
      'First try: tell the ERP about new tickets',
      'Also send the order number 同时发送订单号',
    ]);

    await editor.openTab('versions');
    await poll(() => page.getByTestId('version-note').allTextContents()).toEqual([
      'Also send the order number 同时发送订单号',
      'First try: tell the ERP about new tickets',
    ]);
    await page.getByTestId('compare-from').selectOption('1');
    await page.getByTestId('compare-to').selectOption('2');
    await page.getByTestId('compare').click();
    await poll(() => page.getByTestId('diff-note').allTextContents()).toEqual(['v2: Also send the order number 同时发送订单号']);
    await shoot('02-versions-notes');
    await page.getByTestId('close-compare').click();
  });

  it('confirms a deploy saying where the flow will run among the deployed flows', async () => {
    const { page } = editor;
    const before = await deployedOrder();
    await editor.openTab('rollout');
    const deploy = page.getByTestId('deploy-version');
    await deploy.getByRole('button', { name: 'Deploy version 2' }).click();
    const confirm = deploy.getByRole('alertdialog');
    await poll(() => confirm.getByTestId('run-position').textContent()).toContain(
      `It will run ${ordinal(before.length + 1, 'en')} of ${before.length + 1}, last, after`,
    );
    await shoot('03-deploy-confirm');
    await setLanguage(page, 'zh-CN');
    await poll(() => confirm.getByTestId('run-position').textContent()).toContain(`第 ${before.length + 1} 个运行`);
    await setLanguage(page, 'en');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('rollout-now').waitFor();
    expect(await deployedOrder()).toEqual([...before, FLOW]);
  });

  it('changes the run order by drag, and the order stays changed', async () => {
    const { page } = editor;
    await open('#/');
    const items = page.getByTestId('run-order-item');
    await poll(() => items.count()).toBeGreaterThan(2);
    const before = await deployedOrder();
    expect(before.at(-1)).toBe(FLOW);
    const handle = page.locator(`[data-testid="run-order-item"][data-flow-id="${FLOW}"] [data-testid="run-order-handle"]`);
    await handle.scrollIntoViewIfNeeded();
    const from = await handle.boundingBox();
    const to = await items.first().boundingBox();
    if (!from || !to) throw new Error('cannot see the run order');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 20 });
    await page.mouse.up();
    await poll(() => page.getByTestId('run-order-status').textContent()).toBe('Run order saved.');
    const after = [FLOW, ...before.slice(0, -1)];
    expect(await deployedOrder()).toEqual(after);
    await page.reload();
    await poll(async () => await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-flow-id')))).toEqual(after);
    await page.getByTestId('run-order').scrollIntoViewIfNeeded();
    await shoot('04-run-order');
  });
});

describe('failures in sight', { timeout: 180_000 }, () => {
  let ticket = '';

  it('lists a dead-lettered effect with its ticket link on the flow, badges its node, and links it from the flows list', async () => {
    const { page } = editor;
    // Whatever the bell had before is looked at first: what follows is new.
    await open('#/');
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-list').waitFor();
    await page.getByTestId('notifications-bell').click();
    ticket = await openFailingTicket('快递丢了');
    await open('#/');
    const failed = page.locator(`tr[data-flow-id="${FLOW}"] [data-testid="failed-link"]`);
    await poll(() => failed.textContent()).toBe('failed 1');
    await shoot('05-flows-failed');
    await failed.click();
    await page.getByTestId('failures-panel').waitFor();
    const row = page.locator(`[data-testid="failure"][data-ticket-id="${ticket}"]`);
    await poll(() => row.getAttribute('data-kind')).toBe('dead');
    expect(await row.getAttribute('data-node-id')).toBe('notify-erp');
    expect(await row.getByTestId('failure-ticket').getAttribute('href')).toBe(`#/tickets/${ticket}`);
    expect(await row.textContent()).toContain('Tell the ERP 通知 ERP');
    // One failure, not two: the flow's own error at that node is the same failure.
    await expect(page.getByTestId('failure').count()).resolves.toBe(1);
    await poll(() => editor.node('notify-erp').getByTestId('failure-badge').textContent()).toBe('failed 1');
    await shoot('06-flow-failures');
  });

  it('rings the bell for a failure since the last look, and lists every flow’s failures', async () => {
    const { page } = editor;
    await open('#/');
    const badge = page.getByTestId('notifications-badge');
    await poll(() => badge.textContent()).toBe('1');
    await page.getByTestId('notifications-bell').click();
    await poll(() => page.getByTestId('bell-failure').count()).toBe(1);
    expect(await page.getByTestId('bell-failure').locator('a').getAttribute('href')).toBe(`#/tickets/${ticket}`);
    await shoot('07-bell');
    // Looked at: the badge goes; a new failure brings it back.
    await page.getByTestId('notifications-bell').click();
    await poll(() => badge.count()).toBe(0);
    const second = await openFailingTicket('发票开错了');
    await page.reload();
    await poll(() => badge.textContent()).toBe('1');
    await page.getByTestId('notifications-bell').click();
    expect(await page.getByTestId('bell-failure').locator('a').getAttribute('href')).toBe(`#/tickets/${second}`);
    await page.getByTestId('bell-all-failures').click();
    await page.getByTestId('failures-page').waitFor();
    const ours = page.locator(`[data-testid="failure"][data-ticket-id="${ticket}"], [data-testid="failure"][data-ticket-id="${second}"]`);
    await poll(() => ours.count()).toBe(2);
    await shoot('08-failures-page');
  });
});
