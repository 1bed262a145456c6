import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 16's "done when" for the editor, in Debian's Chromium against the real server: sign in
 * as each of the five roles and see only what that role may do (hidden where it is not theirs,
 * disabled with the reason on hover where they look but may not act), a refused request named
 * by its permission in the user's language, personal tokens shown once, the admins' users page,
 * wrong passwords and the lockout, sign out. Screenshots (1280x800, en and zh-CN) land in
 * test-artifacts/browser as roles-*.png.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;

const PASSWORD = 'correct horse battery staple';
const ROLE_USERS = {
  agent: { email: 'agent@roles.example.org', name: 'Ada Agent' },
  supervisor: { email: 'supervisor@roles.example.org', name: 'Su Supervisor' },
  engineer: { email: 'engineer@roles.example.org', name: 'Eng Engineer' },
  ops: { email: 'ops@roles.example.org', name: 'Otto Ops' },
} as const;
const userOf = (role: keyof typeof ROLE_USERS) => ({ email: ROLE_USERS[role].email, password: PASSWORD });

/** A call to the API as the break-glass admin token (set-up, and what a colleague's script would do). */
const asAdmin = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => server.asAdmin<T>(method, path, body);

/** A flow deployed on stable: what the rollout tab shows. */
let deployedFlow = '';

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'en-US',
    signInAsAdmin: false,
    prepare: async (started) => {
      server = started;
      for (const [role, user] of Object.entries(ROLE_USERS)) {
        await asAdmin('POST', '/api/users', { ...user, password: PASSWORD, roles: [role], language: 'en' });
      }
      const flows = await asAdmin<{ id: string; deployment: unknown }[]>('GET', '/api/flows');
      deployedFlow = flows.find((flow) => flow.deployment !== null)?.id ?? '';
      expect(deployedFlow, 'the seeded examples deploy at least one flow').not.toBe('');
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('signing in', { timeout: 120_000 }, () => {
  it('shows the sign-in page first, says a wrong password is wrong, in English and Chinese', async () => {
    const { page } = editor;
    await page.goto(server.url);
    await page.getByTestId('sign-in-page').waitFor();
    await editor.screenshot('roles-01-sign-in-en');
    await page.getByTestId('sign-in-email').fill(ROLE_USERS.agent.email);
    await page.getByTestId('sign-in-password').fill('not the password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe('Wrong email or password.');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.getByTestId('sign-in-submit').textContent()).resolves.toContain('登录');
    await page.getByTestId('sign-in-password').fill('still not the password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe('邮箱或密码错误。');
    await editor.screenshot('roles-01-sign-in-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');
  });
});

describe('each role sees only what it may do', { timeout: 120_000 }, () => {
  it('agent: lands on their queue; no designer pages, no flows, secrets or users', async () => {
    const { page } = editor;
    await editor.signIn(server.url, userOf('agent'));
    await page.getByTestId('queue-page').waitFor();
    await expect(page.locator('.app-nav a').allTextContents()).resolves.toEqual(['Console']);
    await expect(page.getByTestId('notifications-bell').count()).resolves.toBe(0);
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-roles').textContent()).resolves.toBe('Roles: Agent');
    await editor.signOut();
  });

  it('ops: no Publish, no new flow, the flow read-only, the rollout theirs; no Secrets', async () => {
    const { page } = editor;
    await editor.signIn(server.url, userOf('ops'));
    await page.getByTestId('flows-table').waitFor();
    await expect(page.getByTestId('new-flow').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav-secrets').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);
    await page.goto(`${server.url}/#/flows/${deployedFlow}/rollout`);
    await page.getByTestId('rollout-panel').waitFor();
    await expect(page.getByTestId('publish').count()).resolves.toBe(0);
    await expect(page.getByTestId('auto-layout').isDisabled()).resolves.toBe(true);
    await expect(page.locator('fieldset.gated[disabled]').count()).resolves.toBe(0);
    await expect(page.getByTestId('rollout-panel').getByRole('button', { name: 'Apply', exact: true }).isEnabled()).resolves.toBe(true);
    await editor.openTab('dryRun');
    await expect(page.getByTestId('run-dry-run').getAttribute('title')).resolves.toBe('needs permission: dry-run flows');
    await editor.signOut();
  });

  it('supervisor: Publish and new flows, but Promote, Rollback and Apply disabled with the reason on hover', async () => {
    const { page } = editor;
    await editor.signIn(server.url, userOf('supervisor'));
    await page.getByTestId('new-flow').waitFor();
    await expect(page.getByTestId('nav-secrets').count()).resolves.toBe(0);
    await page.goto(`${server.url}/#/flows/${deployedFlow}/rollout`);
    await page.getByTestId('rollout-panel').waitFor();
    await page.getByTestId('publish').waitFor();
    const gated = page.locator('fieldset.gated[data-needs-permission="rollout.manage"]').first();
    await expect(gated.getAttribute('title')).resolves.toBe('needs permission: roll out, promote and roll back versions');
    const panel = page.getByTestId('rollout-panel');
    for (const name of ['Apply', 'Promote', 'Roll back']) {
      await expect(panel.getByRole('button', { name, exact: true }).isDisabled()).resolves.toBe(true);
    }
    await panel.getByRole('button', { name: 'Roll back', exact: true }).hover({ force: true });
    await editor.screenshot('roles-02-supervisor-rollout-disabled');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(gated.getAttribute('title')).resolves.toBe('需要权限：灰度发布、全量和回滚版本');
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('supervisor whose roles were taken meanwhile: the refusal names the permission, in Chinese', async () => {
    const { page } = editor;
    const users = await asAdmin<{ id: string; email: string }[]>('GET', '/api/users');
    const supervisor = users.find((user) => user.email === ROLE_USERS.supervisor.email);
    await asAdmin('PATCH', `/api/users/${supervisor?.id ?? ''}`, { roles: ['agent'] });
    // The page still shows Publish (it read the roles at sign-in); the server says no.
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-note').fill('一处修改');
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('需要权限：');
    await editor.screenshot('roles-03-refused-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');
    await asAdmin('PATCH', `/api/users/${supervisor?.id ?? ''}`, { roles: ['supervisor'] });
    await editor.signOut();
  });

  it('engineer: Secrets, dry-run, read-only flows, no Publish, no rollout actions', async () => {
    const { page } = editor;
    await editor.signIn(server.url, userOf('engineer'));
    await page.getByTestId('nav-secrets').waitFor();
    await expect(page.getByTestId('new-flow').count()).resolves.toBe(0);
    await page.goto(`${server.url}/#/flows/${deployedFlow}/rollout`);
    await page.getByTestId('rollout-panel').waitFor();
    await expect(page.getByTestId('publish').count()).resolves.toBe(0);
    await expect(page.getByTestId('rollout-panel').getByRole('button', { name: 'Promote', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByTestId('nav-secrets').click();
    await page.getByTestId('secrets-page').waitFor();
    await editor.signOut();
  });
});

describe('admin', { timeout: 120_000 }, () => {
  it('opens the user menu and makes a personal token, shown once, then revokes it', async () => {
    const { page } = editor;
    await editor.signIn(server.url, server.admin);
    await page.getByTestId('nav-users').waitFor();
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-roles').textContent()).resolves.toBe('Roles: Admin');
    await editor.screenshot('roles-04-user-menu-en');
    await page.getByTestId('open-tokens').click();
    await page.getByTestId('tokens-dialog').waitFor();
    await page.getByTestId('token-name').fill('deploy script');
    await page.getByTestId('create-token').click();
    const secret = await page.getByTestId('token-value').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    // The token works for a script, with the roles it was given.
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await editor.screenshot('roles-05-token-created-en');
    await page.getByTestId('token-done').click();
    await expect(page.getByTestId('token-value').count()).resolves.toBe(0);
    const row = page.locator('[data-testid="token-row"][data-token-name="deploy script"]');
    await expect(row.getAttribute('data-state')).resolves.toBe('active');
    await row.getByTestId('revoke-token').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    const revoked = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    await editor.screenshot('roles-05-tokens-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('token-name').fill('命令行');
    await page.getByTestId('create-token').click();
    await page.getByTestId('token-value').waitFor();
    await editor.screenshot('roles-05-token-created-zh-CN');
    await page.getByTestId('token-done').click();
    await page.getByTestId('close-tokens').click();
    await page.getByTestId('user-menu').click();
    await editor.screenshot('roles-04-user-menu-zh-CN');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('lists, creates, edits, disables and enables users', async () => {
    const { page } = editor;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    await expect.poll(() => page.getByTestId('user-row').count()).toBeGreaterThanOrEqual(5);
    await page.getByTestId('new-user').click();
    await page.getByTestId('save-user').click();
    await expect(page.getByTestId('user-form').textContent()).resolves.toContain('Type an email address.');
    await page.getByTestId('user-email').fill('li.wei@example.com');
    await page.getByTestId('user-name').fill('Li Wei 李伟');
    await page.getByTestId('user-password').fill(PASSWORD);
    await page.getByTestId('user-roles').getByLabel('Supervisor').check();
    await editor.screenshot('roles-06-new-user-en');
    await page.getByTestId('save-user').click();
    const row = page.locator('[data-testid="user-row"][data-email="li.wei@example.com"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Agent, Supervisor');
    await row.getByTestId('edit-user').click();
    await page.getByTestId('user-roles').getByLabel('Agent').uncheck();
    await page.getByTestId('save-user').click();
    await expect.poll(() => row.textContent()).not.toContain('Agent');
    await row.getByTestId('toggle-user').click();
    await expect.poll(() => row.getAttribute('data-disabled')).toBe('true');
    await editor.screenshot('roles-07-users-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.getByTestId('users-page').textContent()).resolves.toContain('已停用');
    await editor.screenshot('roles-07-users-zh-CN');
    await row.getByTestId('toggle-user').click();
    await expect.poll(() => row.getAttribute('data-disabled')).toBe('false');
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('signs out: the page is the sign-in page, also after a reload', async () => {
    const { page } = editor;
    await editor.signOut();
    await page.reload();
    await page.getByTestId('sign-in-page').waitFor();
    await expect(page.getByTestId('user-menu').count()).resolves.toBe(0);
  });
});

describe('lockout', { timeout: 120_000 }, () => {
  it('locks an account after repeated wrong passwords and says how long to wait, in Chinese', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    const error = page.getByTestId('sign-in-error');
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      await page.getByTestId('sign-in-email').fill(ROLE_USERS.engineer.email);
      await page.getByTestId('sign-in-password').fill(`wrong ${attempt}`);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
        page.getByTestId('sign-in-submit').click(),
      ]);
      status = answer.status();
    }
    expect(status).toBe(429);
    await expect.poll(() => error.getAttribute('data-kind')).toBe('locked');
    await expect(error.textContent()).resolves.toMatch(/^失败次数过多，账号已暂时锁定。请在 .+ 后重试。$/);
    await editor.screenshot('roles-08-locked-zh-CN');
  });
});
