import { describe, expect, it } from 'vitest';
import { apiErrorOf } from './api-error';

/* What an `ApiError` reads out of a body; the real answers are tested against the app in apps/server/src/api-client.test.ts. */
describe('ApiError', () => {
  it('names each ticket a refused migration names, keeping ids with dots whole', () => {
    const details = [
      { path: 'tickets.T-1', message: 'rests in node "wait" (wait_for_event), which version 3 does not have' },
      { path: 'tickets.mail.42', message: 'rests in node "tag"' },
      { path: 'to', message: 'not a ticket' },
    ];
    const error = apiErrorOf(
      409,
      { error: '2 ticket(s) rest where version 3 has no counterpart', details },
      'POST /api/flows/f/rollout/migrate',
      'en',
    );
    expect(error.refusedTickets()).toEqual([
      { ticket: 'T-1', message: 'rests in node "wait" (wait_for_event), which version 3 does not have' },
      { ticket: 'mail.42', message: 'rests in node "tag"' },
    ]);
    expect(error.rolloutConflict()).toBeUndefined();
    expect(apiErrorOf(409, { error: 'x', details: { tickets: ['T-1'] } }, 'POST /x', 'en').refusedTickets()).toEqual([]);
  });

  it('takes the message in the locale asked when the body has both, and the status line for a body that is no error body', () => {
    const body = { error: 'the draft changed', message: { en: 'someone saved this draft', 'zh-CN': '他人已保存此草稿' } };
    expect(apiErrorOf(409, body, 'PUT /api/flows/f/draft', 'zh-CN').message).toBe('他人已保存此草稿');
    expect(apiErrorOf(409, body, 'PUT /api/flows/f/draft', 'en').message).toBe('someone saved this draft');
    const proxy = apiErrorOf(502, '<html>Bad Gateway</html>', 'GET /api/flows', 'en');
    expect(proxy).toMatchObject({ status: 502, message: 'GET /api/flows answered 502', body: '<html>Bad Gateway</html>' });
    expect(proxy.fieldIssues()).toEqual([]);
    expect(proxy.diagnostics()).toEqual([]);
  });

  it('names the permission a 403 misses in the locale asked, and leaves other 403s as the server said', () => {
    const body = { error: 'permission flows.publish is missing', details: { permission: 'flows.publish' } };
    const en = apiErrorOf(403, body, 'POST /api/flows/f/versions', 'en');
    expect(en).toMatchObject({ status: 403, message: 'needs permission: publish flow versions' });
    expect(en.missingPermission()).toBe('flows.publish');
    expect(apiErrorOf(403, body, 'POST /api/flows/f/versions', 'zh-CN').message).toBe('需要权限：发布流程版本');
    const other = apiErrorOf(403, { error: 'the author may not deploy their own version' }, 'PUT /x', 'en');
    expect(other.message).toBe('the author may not deploy their own version');
    expect(other.missingPermission()).toBeUndefined();
    expect(apiErrorOf(409, body, 'PUT /x', 'en').missingPermission()).toBeUndefined();
  });
});
