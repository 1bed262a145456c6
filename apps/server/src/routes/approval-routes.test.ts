import { FlowDocument, type FlowDocumentInput } from '@switchyard/flow';
import { ApprovalList } from '@switchyard/api';
import { createFlow, createTicket, createWorker, deployVersion, getTicket, publishVersion } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp } from '../__fixtures__/test-app';

const FINANCE = 'finance-director@test.example';

/** On creation, asks `asked` (a role or a user) to approve a refund within 4 h; tags the branch taken. */
function approvalFlow(id: string, asked: { role: string } | { user: string }): FlowDocumentInput {
  const at = (x: number) => ({ x, y: 0 });
  return {
    id,
    name: id,
    nodes: [
      { id: 'start', type: 'ticket_created', config: {}, position: at(0) },
      { id: 'ask', type: 'approval', config: { ...asked, question: '退款 200 元', timeout: '4h' }, position: at(200) },
      { id: 'yes', type: 'add_tag', config: { tag: `${id}_approved` }, position: at(400) },
      { id: 'no', type: 'add_tag', config: { tag: `${id}_rejected` }, position: at(400) },
    ],
    edges: [
      { id: 'start-ask', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'ask-yes', source: 'ask', sourceHandle: 'approved', target: 'yes' },
      { id: 'ask-no', source: 'ask', sourceHandle: 'rejected', target: 'no' },
    ],
  };
}

/* Issue 21: who may decide an approval through the API: the role or user asked, or an admin; anyone else a 404 saying who may. */
describe.each(testDatabases)('POST /api/approvals/:id decides only for whoever was asked on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  let ticketId: string;

  beforeEach(async () => {
    t = testApp(store);
    for (const [position, document] of [
      approvalFlow('by-role', { role: 'supervisor' }),
      approvalFlow('by-user', { user: FINANCE }),
    ].entries()) {
      await createFlow(t.ctx, { name: document.name, document: FlowDocument.parse(document) }, 'test');
      await deployVersion(t.ctx, document.id, (await publishVersion(t.ctx, document.id, 'test')).version, 'test', position);
    }
    ({ id: ticketId } = await createTicket(
      t.ctx,
      { channel: 'web', subject: '申请退款', body: '订单 A1001', customer: { id: 'C9' } },
      'test',
    ));
    await createWorker(t.ctx, { backtests: false }).runUntilIdle();
  });

  const approvals = async (call: TestApp['call']) => expectBody(await call('GET', '/api/approvals'), ApprovalList);
  const idOf = async (flowId: string) => {
    const found = (await approvals(t.call)).find((a) => a.flowId === flowId);
    if (!found) throw new Error(`no approval of ${flowId}`);
    return found.id;
  };
  const tags = async () => (await getTicket(t.ctx.db, ticketId))?.tags ?? [];

  it('the role asked sees and decides its approval; another role neither sees it nor decides, told why in en and zh-CN', async () => {
    const supervisor = await t.as('supervisor');
    const agent = await t.as({ roles: ['agent'] });
    const byRole = await idOf('by-role');
    expect((await approvals(supervisor.call)).map((a) => a.flowId)).toEqual(['by-role']);
    expect(await approvals(agent.call)).toEqual([]);

    const refused = await agent.call('POST', `/api/approvals/${byRole}`, { decision: 'approve' });
    expect(refused).toMatchObject({ status: 404, body: { details: { reason: 'not_asked' } } });
    expect(refused.body).toMatchObject({
      details: {
        message: {
          en: 'Only members of the role supervisor (or an admin) may decide this approval.',
          'zh-CN': '此审批只能由角色 supervisor 的成员或管理员决定。',
        },
      },
    });
    // A supervisor may not decide what was asked of one person.
    const byUser = await idOf('by-user');
    const notTheirs = await supervisor.call('POST', `/api/approvals/${byUser}`, { decision: 'approve' });
    expect(notTheirs).toMatchObject({ status: 404, body: { details: { reason: 'not_asked' } } });
    expect(notTheirs.body).toMatchObject({ details: { message: { 'zh-CN': `此审批只能由 ${FINANCE}（或管理员）决定。` } } });

    expect(await supervisor.call('POST', `/api/approvals/${byRole}`, { decision: 'reject', note: '金额不符' })).toMatchObject({
      status: 202,
    });
    await createWorker(t.ctx, { backtests: false }).runUntilIdle();
    expect(await tags()).toEqual(['by-role_rejected']);
    // Decided: gone, for everyone.
    expect(await supervisor.call('POST', `/api/approvals/${byRole}`, { decision: 'approve' })).toMatchObject({ status: 404 });
  });

  it('the user asked (by email) decides theirs; an admin may decide any', async () => {
    const finance = await t.as({ roles: ['agent'], email: FINANCE });
    expect((await approvals(finance.call)).map((a) => a.flowId)).toEqual(['by-user']);
    expect(await finance.call('POST', `/api/approvals/${await idOf('by-user')}`, { decision: 'approve' })).toMatchObject({ status: 202 });
    const admin = await t.as('admin');
    expect((await approvals(admin.call)).map((a) => a.flowId).sort()).toEqual(['by-role', 'by-user']);
    expect(await admin.call('POST', `/api/approvals/${await idOf('by-role')}`, { decision: 'approve' })).toMatchObject({ status: 202 });
    await createWorker(t.ctx, { backtests: false }).runUntilIdle();
    expect([...(await tags())].sort()).toEqual(['by-role_approved', 'by-user_approved']);
  });
});
