import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 21's approvals screen, in Debian's Chromium against the real server and its worker: a flow
 * with an approval node (asking supervisors) is deployed through the API; a ticket reaches it; the
 * supervisor sees it under "Approvals" (badge, ticket, question, flow, since, due), approves with a
 * note and the ticket moves on by `approved`; the decision shows under "Decided". An agent (no
 * supervisor role) sees nothing to decide. In English and Chinese; screenshots approvals-*.png.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;

const PASSWORD = 'approvals test password 1';
const USERS = {
  supervisor: { email: 'zhou.jing@approvals.example.org', name: 'Zhou Jing 周静', roles: ['supervisor'], groups: ['after_sales'] },
  agent: { email: 'li.na@approvals.example.org', name: 'Li Na 李娜', roles: ['agent'], groups: ['after_sales'] },
} as const;
const login = (who: keyof typeof USERS) => ({ email: USERS[who].email, password: PASSWORD });
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 250 });

const FLOW = {
  id: 'refund-supervisor-approval',
  name: 'Refund approval 退款审批',
  nodes: [
    { id: 'start', type: 'ticket_created', position: { x: 0, y: 0 } },
    {
      id: 'ask',
      type: 'approval',
      position: { x: 0, y: 120 },
      config: { role: 'supervisor', question: 'Refund 200 yuan for order DD20260502002? 为订单退款 200 元', timeout: '4h' },
    },
    { id: 'yes', type: 'add_tag', position: { x: -200, y: 260 }, config: { tag: 'refund_approved' } },
    { id: 'no', type: 'add_tag', position: { x: 0, y: 260 }, config: { tag: 'refund_rejected' } },
    { id: 'late', type: 'add_tag', position: { x: 200, y: 260 }, config: { tag: 'refund_timeout' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'approved', target: 'yes' },
    { id: 'e3', source: 'ask', sourceHandle: 'rejected', target: 'no' },
    { id: 'e4', source: 'ask', sourceHandle: 'timeout', target: 'late' },
  ],
};

interface Ticket {
  readonly id: string;
  readonly number: string;
  readonly tags: readonly string[];
}
const tickets: Ticket[] = [];

/** Opens a ticket and waits until the worker has brought it to the approval node. */
async function openWaiting(subject: string): Promise<Ticket> {
  const { id } = await server.asAdmin<{ id: string }>('POST', '/api/tickets', {
    channel: 'chat',
    subject,
    body: '鞋子不合适，我要退款，订单 DD20260502002',
    customer: { id: 'C1001', name: '王女士' },
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const waiting = await server.asAdmin<{ ticketId: string; node: string }[]>('GET', '/api/approvals');
    if (waiting.some((a) => a.ticketId === id && a.node === 'ask')) break;
    if (Date.now() > deadline) throw new Error(`the ticket never reached the approval node\n${server.output()}`);
    // Polling a real server's worker: the approval is the signal.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return server.asAdmin<Ticket>('GET', `/api/tickets/${id}`);
}

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    signInAsAdmin: false,
    prepare: async (started) => {
      server = started;
      for (const user of Object.values(USERS))
        await server.asAdmin('POST', '/api/users', {
          ...user,
          roles: [...user.roles],
          groups: [...user.groups],
          password: PASSWORD,
          language: 'en',
        });
      const { id } = await server.asAdmin<{ id: string }>('POST', '/api/flows', { name: FLOW.name, document: FLOW });
      const { version } = await server.asAdmin<{ version: number }>('POST', `/api/flows/${id}/versions`, {
        note: 'approval before a refund',
      });
      await server.asAdmin('PUT', `/api/flows/${id}/rollout`, { stable: version });
      tickets.push(await openWaiting('退货退款 refund please'), await openWaiting('第二笔退款 second refund'));
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('the approvals screen', { timeout: 180_000 }, () => {
  it('a supervisor sees what waits, approves with a note, and the ticket moves on', async () => {
    const { page } = editor;
    await page.context().clearCookies();
    await editor.signIn(server.url, login('supervisor'));
    await poll(() => page.getByTestId('approvals-badge').textContent()).toBe('2');
    await page.getByTestId('nav-approvals').click();
    const cards = page.getByTestId('approval');
    await poll(() => cards.count()).toBe(2);
    const first = page.locator(`[data-testid="approval"][data-ticket="${tickets[0]?.number ?? ''}"]`);
    await poll(() => first.textContent()).toMatch(/Refund 200 yuan for order DD20260502002\?/);
    expect(await first.textContent()).toMatch(/Refund approval 退款审批/);
    expect(await first.textContent()).toMatch(/role Supervisor/);
    expect(await first.locator('a').first().getAttribute('href')).toBe(`#/tickets/${encodeURIComponent(tickets[0]?.id ?? '')}`);
    await poll(() => first.locator('.pill.warn').textContent()).toMatch(/^in 3h \d\dm$/);
    await first.getByTestId('approval-note').fill('Amount checked 金额已核对');
    await editor.screenshot('approvals-01-waiting-en');
    await first.getByTestId('approval-approve').click();
    await poll(() => page.getByTestId('approval-sent').isVisible()).toBe(true);
    await poll(() => cards.count()).toBe(1);
    await poll(() => page.getByTestId('approvals-badge').textContent()).toBe('1');
    // The worker applies the decision: the flow goes on by `approved`.
    await poll(async () => (await server.asAdmin<Ticket>('GET', `/api/tickets/${tickets[0]?.id ?? ''}`)).tags).toContain('refund_approved');
    await page.getByTestId('approvals-decided').click();
    const decided = page.getByTestId('approval-decision');
    await poll(() => decided.first().textContent()).toBe('approved Amount checked 金额已核对');
    expect(await page.getByTestId('approval').first().textContent()).toMatch(/Decided by.*zhou\.jing@approvals\.example\.org/);
    await editor.screenshot('approvals-02-decided-en');
  });

  it('reads the same in Chinese, and a rejection goes by rejected', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('approvals-waiting').click();
    const card = page.getByTestId('approval');
    await poll(() => card.count()).toBe(1);
    await poll(() => card.textContent()).toMatch(/为订单退款 200 元.*工单.*发起流程.*退款审批.*审批对象角色 主管.*截止.*剩 3h/);
    await editor.screenshot('approvals-03-waiting-zh-CN');
    await card.getByTestId('approval-reject').click();
    await poll(() => page.getByTestId('approvals-empty').textContent()).toBe('没有待你审批的事项。');
    await poll(async () => (await server.asAdmin<Ticket>('GET', `/api/tickets/${tickets[1]?.id ?? ''}`)).tags).toContain('refund_rejected');
    await page.getByTestId('approvals-decided').click();
    await poll(() => page.getByTestId('approval-decision').first().textContent()).toBe('已驳回 无备注');
    await editor.screenshot('approvals-04-decided-zh-CN');
  });

  it('a person without the role sees nothing to decide, and cannot decide by the API', async () => {
    const { page } = editor;
    const third = await openWaiting('第三笔退款 third refund');
    await page.getByTestId('language-switch').selectOption('en');
    await editor.signOut();
    await editor.signIn(server.url, login('agent'));
    await page.getByTestId('queue-page').waitFor();
    // Nothing waits for the agent: the header stays their queue, and the page (by its address) says so.
    expect(await page.getByTestId('nav-approvals').count()).toBe(0);
    await page.goto(`${server.url}/#/approvals/waiting`);
    await poll(() => page.getByTestId('approvals-empty').textContent()).toBe('Nothing waits for your approval.');
    // The agent's own session may not decide it either: the server answers 404, as for an approval that is not theirs.
    // The admin sees every approval (the refund-approval example's too): this flow's, of the third ticket.
    const approval = (await server.asAdmin<{ id: string; ticketId: string; node: string }[]>('GET', '/api/approvals')).find(
      (a) => a.ticketId === third.id && a.node === 'ask',
    );
    expect(approval).toBeDefined();
    const status = await page.evaluate(async (id) => {
      const response = await fetch(`/api/approvals/${encodeURIComponent(id)}`, {
        method: 'POST',
        // The editor's own header: a cookie session's writes need it (CSRF), so the 404 below is the approval's answer.
        headers: { 'content-type': 'application/json', 'x-switchyard-csrf': '1' },
        body: JSON.stringify({ decision: 'approve' }),
      });
      return response.status;
    }, approval?.id ?? '');
    expect(status).toBe(404);
    await page.getByTestId('approvals-decided').click();
    await poll(() => page.getByTestId('approvals-empty').textContent()).toBe('No decisions yet.');
    await editor.screenshot('approvals-05-agent-en');
  });
});
