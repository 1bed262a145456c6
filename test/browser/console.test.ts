import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 18's "done when" for the console, in Debian's Chromium against the real server (its worker
 * runs the seeded example flows): an agent works a ticket from the queue with the keyboard (j/k,
 * Enter, r) — take, reply, an internal note mentioning a colleague (who sees the notice), a
 * transfer with a hand-over note (the agent is told it succeeded) —, and a supervisor opens the
 * abnormal queue, escalates with e and steps in recording cause and fix. Screenshots (1280x800,
 * en and zh-CN) land in test-artifacts/browser as console-*.png.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;

const PASSWORD = 'console test password 1';
const USERS = {
  agent: { email: 'li.na@console.example.org', name: 'Li Na 李娜', roles: ['agent'], groups: ['after_sales'], agentId: 'li-na' },
  colleague: {
    email: 'wang.qiang@console.example.org',
    name: 'Wang Qiang 王强',
    roles: ['agent'],
    groups: ['after_sales'],
    agentId: 'wang-qiang',
  },
  supervisor: {
    email: 'zhou.jing@console.example.org',
    name: 'Zhou Jing 周静',
    roles: ['supervisor'],
    groups: ['after_sales', 'logistics', 'supervisors'],
    agentId: 'zhou-jing',
  },
} as const;
const login = (who: keyof typeof USERS) => ({ email: USERS[who].email, password: PASSWORD });

/** expect.poll with room for a loaded machine (the default second is too short for a real server's round trip). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

interface Row {
  readonly id: string;
  readonly number: string;
  readonly category: string | null;
}
const asAdmin = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => server.asAdmin<T>(method, path, body);
const ids: Record<'refund' | 'courier' | 'past' | 'angry', Row> = {
  refund: { id: '', number: '', category: null },
  courier: { id: '', number: '', category: null },
  past: { id: '', number: '', category: null },
  angry: { id: '', number: '', category: null },
};

/** Opens a ticket through the API, waits for the worker's flows to have looked at it, and puts it in after_sales. */
async function open(name: keyof typeof ids, subject: string, body: string, customer: Record<string, string>): Promise<void> {
  const { id } = await asAdmin<{ id: string }>('POST', '/api/tickets', { channel: 'chat', subject, body, customer });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ticket = await asAdmin<Row & { flows: unknown[] }>('GET', `/api/tickets/${id}`);
    if (ticket.category !== null || ticket.flows.length > 0) break;
    if (Date.now() > deadline) throw new Error(`the worker did not run the flows on ${subject}`);
    // Polling a real server's worker: the ticket is the signal.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await asAdmin('POST', `/api/tickets/${id}/transfer`, { group: 'after_sales', note: '' });
  await asAdmin('POST', `/api/tickets/${id}/release`, {});
  ids[name] = await asAdmin<Row>('GET', `/api/tickets/${id}`);
}

/** Four tickets of three customers (one past, one escalated), each in after_sales and unassigned. */
async function seed(): Promise<void> {
  const vip = { id: 'C1001', name: '王女士', tier: 'vip', contact: '13800138000' };
  await open('past', '鞋码不对', '上次买的鞋码不对，已换货', vip);
  await asAdmin('POST', `/api/tickets/${ids.past.id}/status`, { status: 'resolved' });
  await open('courier', '快递三天没动了', '订单 DD20260501001 的快递一直没更新', { id: 'C2002', name: '陈先生' });
  await open('refund', '退货退款', '鞋子不合适，我要退货退款，订单 DD20260502002', vip);
  await open('angry', '投诉：客服不回复', '等了两天没人理，我要投诉', { id: 'C3003', name: '刘女士' });
  await asAdmin('POST', `/api/tickets/${ids.angry.id}/escalate`, { note: '客户情绪激动 angry customer' });
}

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    signInAsAdmin: false,
    prepare: async (started) => {
      server = started;
      for (const user of Object.values(USERS))
        await asAdmin('POST', '/api/users', {
          ...user,
          roles: [...user.roles],
          groups: [...user.groups],
          password: PASSWORD,
          language: 'en',
        });
      try {
        await seed();
      } catch (error) {
        // The server's own words say why it failed.
        throw new Error(`seeding the console failed: ${String(error)}\n${server.output()}`);
      }
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

/** The ticket numbers of the queue's rows, top to bottom, and the selected row's index. */
async function queueRows(): Promise<{ numbers: string[]; selected: number }> {
  const rows = editor.page.locator('[data-testid="queue-table"] tbody tr');
  const numbers = await rows.locator('td:first-child').allTextContents();
  const flags = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-selected')));
  return { numbers, selected: flags.indexOf('true') };
}

describe('the service console', { timeout: 180_000 }, () => {
  it('an agent works a ticket from the queue: j/k, Enter, take, r to reply, a note with a mention, a transfer with a note', async () => {
    const { page } = editor;
    // A clean start even when the test before failed while signed in.
    await page.context().clearCookies();
    await editor.signIn(server.url, login('agent'));
    await page.getByTestId('queue-page').waitFor();
    await page.getByTestId('view-group').click();
    await poll(async () => (await queueRows()).numbers).toContain(ids.refund.number);
    await editor.screenshot('console-01-queue-en');
    // j/k through the queue to the refund ticket, Enter opens it.
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    const { numbers } = await queueRows();
    const target = numbers.indexOf(ids.refund.number);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    for (let i = 0; i < target; i++) await page.keyboard.press('j');
    await poll(async () => (await queueRows()).selected).toBe(target);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-page').waitFor();
    expect(page.url()).toContain(`#/tickets/${ids.refund.id}`);
    // Before taking it the agent sees the contact masked; once theirs, in clear.
    await poll(() => page.getByTestId('customer-contact').textContent()).toContain('*');
    await page.getByTestId('take').click();
    await poll(() => page.getByTestId('ticket-assignee').textContent()).toBe('li-na');
    await poll(() => page.getByTestId('customer-contact').textContent()).toBe('13800138000');
    await expect(page.getByTestId('customer-tier').textContent()).resolves.toBe('VIP');
    await expect(page.getByTestId('customer-panel').textContent()).resolves.toContain(ids.past.number);
    // r focuses the reply box.
    await page.locator('h2.page-title').click();
    await page.keyboard.press('r');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reply-body');
    await page.keyboard.type('您好，已为您办理退货，退款三个工作日内到账。');
    await page.getByTestId('send-reply').click();
    await poll(() => page.getByTestId('conversation').textContent()).toContain('已为您办理退货');
    await page.getByTestId('note-body').fill('@wang-qiang 请帮忙核实退款单号');
    await page.getByTestId('add-note').click();
    await poll(() => page.getByTestId('notes').textContent()).toContain('请帮忙核实退款单号');
    await editor.screenshot('console-02-ticket-en');
    await page.getByTestId('transfer-group').selectOption('logistics');
    await page.getByTestId('transfer-note').fill('客户已寄回，请物流组跟进退货单 please follow up the return');
    await page.getByTestId('transfer').click();
    // Back on the queue: the ticket has left after_sales, and the agent is told the transfer succeeded.
    await page.getByTestId('queue-page').waitFor();
    await poll(async () => (await queueRows()).numbers).not.toContain(ids.refund.number);
    await poll(() => page.getByTestId('notices').textContent()).toContain('Transfer to logistics succeeded');
    await editor.signOut();
  });

  it('the mentioned colleague sees the notice, in English and Chinese', async () => {
    const { page } = editor;
    // A clean start even when the test before failed while signed in.
    await page.context().clearCookies();
    await editor.signIn(server.url, login('colleague'));
    await page.getByTestId('queue-page').waitFor();
    const mention = page.locator('[data-testid="notices"] li[data-kind="mention"]');
    await poll(() => mention.first().textContent()).toContain('You were mentioned: @wang-qiang 请帮忙核实退款单号');
    await editor.screenshot('console-03-notices-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await poll(() => mention.first().textContent()).toContain('有人提到了您');
    await editor.screenshot('console-03-notices-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');
    await editor.signOut();
  });

  it('a supervisor sees the transfer note in logistics, escalates with e and steps into the abnormal ticket with cause and fix', async () => {
    const { page } = editor;
    // A clean start even when the test before failed while signed in.
    await page.context().clearCookies();
    await editor.signIn(server.url, login('supervisor'));
    await page.goto(`${server.url}/#/tickets/${ids.refund.id}`);
    await poll(() => page.getByTestId('notes').textContent()).toContain('请物流组跟进退货单');
    await poll(() => page.getByTestId('ticket-group').textContent()).toBe('logistics');
    await page.goto(`${server.url}/#/console/abnormal`);
    await page.getByTestId('queue-page').waitFor();
    await poll(async () => (await queueRows()).numbers).toContain(ids.angry.number);
    await editor.screenshot('console-04-abnormal-en');
    await page.locator('[data-testid="queue-table"] a', { hasText: ids.angry.number }).click();
    await page.getByTestId('step-in-form').waitFor();
    await page.locator('h2.page-title').click();
    await page.keyboard.press('e');
    await poll(() => page.getByTestId('ticket-escalation').textContent()).toBe('2');
    await page.getByTestId('step-in-cause').fill('夜班无人值守，工单两天未分配 no night shift');
    await page.getByTestId('step-in-resolution').fill('已致电客户道歉并补发优惠券 called and apologised');
    await page.getByTestId('step-in-submit').click();
    await poll(() => page.getByTestId('notes').textContent()).toContain('夜班无人值守');
    await poll(() => page.getByTestId('ticket-assignee').textContent()).toBe('zhou-jing');
    await editor.screenshot('console-05-step-in-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await poll(() => page.getByTestId('ticket-fields').textContent()).toContain('升级');
    await editor.screenshot('console-05-step-in-zh-CN');
    await page.goto(`${server.url}/#/console/abnormal`);
    await expect
      .poll(() => page.locator('[data-testid="queue-table"] tr', { hasText: ids.angry.number }).textContent())
      .toContain('已介入');
    // The supervisor's view counts per agent: the step-in made the ticket theirs.
    await poll(() => page.getByTestId('agent-counts').textContent()).toContain('1');
    await editor.screenshot('console-04-abnormal-zh-CN');
    await page.goto(`${server.url}/#/tickets/${ids.refund.id}`);
    await page.getByTestId('customer-panel').waitFor();
    await editor.screenshot('console-02-ticket-zh-CN');
    await page.goto(`${server.url}/#/console/all`);
    await poll(async () => (await queueRows()).numbers).toContain(ids.courier.number);
    await poll(() => page.getByTestId('view-all').textContent()).toContain('4');
    await editor.screenshot('console-01-queue-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');
    await editor.signOut();
  });
});
