import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * The editor's "done when" scenario (issue #4) in Debian's Chromium against the real server:
 * draw a flow from the palette, wire it, see a validation error and fix it, publish, dry-run a
 * ticket and see its path, and compare two versions; then (issue #5) deploy a version, try another on
 * 10% of new tickets and roll it back; set a secret, write-only; and (issue #14) lose no edit: a
 * refused save stops Publish, and a draft saved elsewhere meanwhile asks before anything is
 * overwritten, as does a rollout changed elsewhere. Screenshots land in test-artifacts/browser.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;

beforeAll(async () => {
  session = await startEditorSession({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('visual flow editor', { timeout: 120_000 }, () => {
  it('lists the flows with their versions and creates a blank one', async () => {
    const { page } = editor;
    await page.goto(server.url);
    await page.getByTestId('flows-table').waitFor();
    await expect.poll(() => page.locator('[data-flow-id]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('runtime-status').textContent()).toMatch(/^Runtime: \d+ tickets due · lag \d/);
    await editor.screenshot('01-flows-list');
    await page.getByTestId('new-flow').click();
    await page.getByTestId('new-flow-name').fill('E2E keyword routing');
    await page.getByTestId('create-flow').click();
    await page.getByTestId('flow-editor').waitFor();
    await page.getByTestId('palette').waitFor();
    await editor.screenshot('02-new-flow');
  });

  it('draws a flow from the palette and connects it', async () => {
    const { page } = editor;
    // Three columns 220px nodes fit in without overlapping on a 1440px wide window.
    await editor.dropFromPalette('ticket_created', { x: 0.15, y: 0.25 });
    await editor.dropFromPalette('text_contains', { x: 0.5, y: 0.35 });
    await editor.dropFromPalette('set_priority', { x: 0.84, y: 0.15 });
    await editor.dropFromPalette('end', { x: 0.84, y: 0.6 });
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await editor.connect('ticket_created', 'next', 'text_contains');
    await editor.connect('text_contains', 'true', 'set_priority');
    await editor.connect('text_contains', 'false', 'end');
    await editor.connect('set_priority', 'next', 'end');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
    await editor.screenshot('03-drawn-and-connected');
  });

  it('shows validation errors on the nodes and in the problems list, then clears them once configured', async () => {
    const { page } = editor;
    await editor.waitSaved();
    // The keyword condition has no keywords and the priority action no priority: both are invalid.
    await editor.node('text_contains').getByTestId('problem-badge').waitFor();
    await editor.node('set_priority').getByTestId('problem-badge').waitFor();
    await editor.openTab('problems');
    await expect.poll(() => page.getByTestId('problem').count()).toBeGreaterThanOrEqual(2);
    // Publishing an invalid draft is refused, naming the problems.
    await editor.publish();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Publish refused');
    await editor.screenshot('04-validation-errors');
    // Clicking a problem selects its node and opens the inspector on it.
    await page.locator('[data-testid="problem"][data-node-id="text_contains"]').first().click();
    await page.locator('[data-testid="inspector"][data-node-id="text_contains"]').waitFor();

    await editor.addChips('keywords', ['快递', '物流']);
    await editor.selectNode('set_priority');
    await page.getByTestId('field-priority').selectOption('urgent');
    await editor.waitSaved();
    await expect.poll(() => page.getByTestId('problem-badge').count()).toBe(0);
    await expect(editor.node('text_contains').locator('.flow-node-summary').textContent()).resolves.toContain('contains 快递, 物流');
    await editor.screenshot('05-configured-valid');
  });

  it('publishes a version', async () => {
    const { page } = editor;
    await editor.publish();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Published version 1');
    await editor.openTab('versions');
    await page.locator('[data-testid="version"][data-version="1"]').waitFor();
    await editor.screenshot('06-published');
  });

  it('dry-runs a sample ticket and highlights the path it took', async () => {
    const { page } = editor;
    await editor.openTab('dryRun');
    await page.locator('summary', { hasText: 'Quick ticket' }).click();
    await page.getByTestId('quick-subject').fill('我的快递到哪了？');
    await page.getByTestId('add-quick').click();
    await page.getByTestId('run-dry-run').click();
    await page.locator('[data-testid="ticket-run"][data-ticket-id="quick-1"]').waitFor();
    for (const id of ['ticket_created', 'text_contains', 'set_priority']) {
      await expect.poll(() => editor.node(id).locator('.flow-node').getAttribute('class')).toContain('visited');
    }
    await expect(editor.node('end').locator('.flow-node').getAttribute('class')).resolves.toContain('visited');
    await expect(page.getByTestId('timeline').first().textContent()).resolves.toContain('Set priority');
    await editor.screenshot('07-dry-run-path');
  });

  it('compares two versions on the canvas with the changed config fields listed', async () => {
    const { page } = editor;
    await editor.openTab('inspector');
    await editor.selectNode('text_contains');
    await editor.addChips('keywords', ['包裹']);
    await editor.waitSaved();
    await editor.publish();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Published version 2');
    await editor.openTab('versions');
    await page.getByTestId('compare-from').selectOption('1');
    await page.getByTestId('compare-to').selectOption('2');
    await page.getByTestId('compare').click();
    await page.getByTestId('diff-panel').waitFor();
    await expect.poll(() => editor.node('text_contains').locator('.flow-node').getAttribute('class')).toContain('diff-changed');
    await expect(
      page.locator('[data-testid="diff-node"][data-node-id="text_contains"] [data-field="config.keywords"]').count(),
    ).resolves.toBe(1);
    await editor.screenshot('08-compare-versions');
  });

  it('dry-runs two versions side by side, the tickets whose outcome differs first', async () => {
    const { page } = editor;
    await editor.openTab('dryRun');
    // The panel kept the ticket of the last run; start afresh.
    await page.getByTestId('clear-tickets').click();
    for (const subject of ['我的快递到哪了？', '包裹还没到']) {
      await page.getByTestId('quick-subject').fill(subject);
      await page.getByTestId('add-quick').click();
    }
    await page.getByTestId('run-against').selectOption('1');
    await page.getByTestId('run-compare').selectOption('2');
    await page.getByTestId('run-dry-run').click();
    const runs = page.getByTestId('ticket-run');
    await expect.poll(() => runs.count()).toBe(2);
    // Only v2 knows 包裹: that ticket's outcome differs and comes first.
    await expect(runs.first().getAttribute('data-ticket-id')).resolves.toBe('quick-2');
    await expect(runs.first().getAttribute('class')).resolves.toContain('differs');
    await expect(runs.nth(1).getAttribute('class')).resolves.not.toContain('differs');
    await editor.screenshot('09-dry-run-side-by-side');
    await editor.openTab('versions');
    await page.getByTestId('close-compare').click();
  });

  it('edits an expression in Monaco, bundled, with completion of ticket fields', async () => {
    const { page } = editor;
    await editor.openTab('inspector');
    await editor.dropFromPalette('expression', { x: 0.5, y: 0.8 });
    await page.locator('[data-testid="inspector"][data-node-id="expression"]').waitFor();
    const monaco = page.locator('[data-testid="field-expression"] .monaco-editor');
    await monaco.waitFor();
    await monaco.click();
    // "." asks for the ticket's fields; typing filters them; Enter takes the suggestion.
    await page.keyboard.type('ticket.pri');
    // Ctrl+Space (re)opens the list as a person would if it closed while the variables loaded
    // (seen once in a full run); Enter only once "priority" is the row it would take.
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible .monaco-list-row.focused').getByText('priority').waitFor();
    await editor.screenshot('10-expression-completion');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' == "urgent"');
    await expect.poll(() => editor.node('expression').locator('.flow-node-summary').textContent()).toContain('ticket.priority == "urgent"');
    // The same config as raw JSON, in Monaco's JSON mode.
    await page.getByText('Config as JSON').click();
    const raw = page.locator('[data-testid="raw-config"] .monaco-editor');
    await raw.waitFor();
    await expect.poll(() => raw.locator('.view-lines').textContent()).toContain('"expression"');
    await page.getByText('Config as JSON').click();
  });

  it('copies, pastes, deletes, undoes and lays out with the usual keys', async () => {
    const { page } = editor;
    const count = () => page.locator('.react-flow__node').count();
    const where = async (id: string) => {
      const box = await editor.node(id).boundingBox();
      return box ? `${Math.round(box.x)},${Math.round(box.y)}` : 'hidden';
    };
    // A drag is one undo step, however many moves it made.
    const start = await where('end');
    const header = await editor.node('end').locator('.flow-node-header').boundingBox();
    await page.mouse.move(header!.x + 20, header!.y + 8);
    await page.mouse.down();
    await page.mouse.move(header!.x + 100, header!.y + 60, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => where('end')).not.toBe(start);
    await page.keyboard.press('Control+z');
    await expect.poll(() => where('end')).toBe(start);
    await editor.selectNode('expression');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await editor.node('expression').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(count).toBe(6);
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe(5);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(count).toBe(6);
    await page.keyboard.press('Delete');
    await expect.poll(count).toBe(5);
    const before = await editor.node('end').boundingBox();
    await page.getByTestId('auto-layout').click();
    await expect.poll(async () => JSON.stringify(await editor.node('end').boundingBox())).not.toBe(JSON.stringify(before));
    await editor.screenshot('11-auto-layout');
  });

  it('restores a version into the draft', async () => {
    const { page } = editor;
    await editor.openTab('versions');
    await page.getByTestId('restore-1').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Version 1 restored');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await expect(editor.node('text_contains').locator('.flow-node-summary').textContent()).resolves.toBe('contains 快递, 物流');
  });

  it('deploys version 1, tries version 2 on 10% of new tickets, and rolls it back', async () => {
    const { page } = editor;
    // Versions 1 and 2 were published above; the flow is not deployed yet.
    await editor.openTab('rollout');
    const panel = page.getByTestId('rollout-panel');
    await panel.getByLabel('Version to deploy').selectOption('1');
    await panel.getByRole('button', { name: 'Deploy version 1' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    const now = panel.getByTestId('rollout-now');
    await expect.poll(() => now.getAttribute('data-stable')).toBe('1');

    await panel.getByLabel('Candidate version').selectOption('2');
    // By keyboard, as the slider is meant to be used without a mouse: 0% -> 10%.
    const share = panel.getByRole('slider', { name: 'Candidate share of new tickets' });
    await share.focus();
    for (let i = 0; i < 10; i++) await share.press('ArrowRight');
    await expect(panel.getByTestId('percent-value').textContent()).resolves.toBe('10%');
    await panel.getByLabel('Reason (for the history)').fill('try 包裹');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => now.textContent()).toContain('stable v1 · candidate v2 at 10%');
    const latest = panel.getByTestId('rollout-change').first();
    await expect.poll(() => latest.textContent()).toContain('→ stable v1 · candidate v2 at 10%');
    await expect(latest.textContent()).resolves.toContain('try 包裹');
    await panel.getByTestId('rollout-comparison').waitFor();
    await editor.screenshot('11a-rollout-candidate');

    // A colleague changes the rollout meanwhile: Apply on the older revision is refused and says so, the form is kept, "Now" shows theirs.
    const rolloutUrl = `${server.url}/api/flows/${await page.getByTestId('flow-editor').getAttribute('data-flow-id')}/rollout`;
    const authorization = `Bearer ${server.admin.token}`;
    const { revision } = (await (await fetch(rolloutUrl, { headers: { authorization } })).json()) as { revision: number };
    const theirs = await fetch(rolloutUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ stable: 1, candidate: 2, percent: 20, revision }),
    });
    expect(theirs.status).toBe(200);
    await share.press('ArrowRight');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => panel.getByTestId('rollout-errors').textContent()).toContain('Someone changed this rollout meanwhile');
    await expect.poll(() => now.getAttribute('data-percent')).toBe('20');
    await expect(panel.getByTestId('percent-value').textContent()).resolves.toBe('11%');
    await editor.screenshot('11a-rollout-conflict');

    await panel.getByRole('button', { name: 'Roll back' }).click();
    await panel.getByRole('alertdialog', { name: 'Roll back' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => now.getAttribute('data-percent')).toBe('0');
    await expect.poll(() => panel.getByTestId('rollout-change').first().getAttribute('data-kind')).toBe('rollout.rolled_back');
    await expect(share.inputValue()).resolves.toBe('0');
    await editor.screenshot('11b-rollout-rolled-back');
  });

  it('speaks Chinese when switched', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.getByTestId('palette').textContent()).resolves.toContain('触发器');
    await expect(page.getByTestId('tab-dryRun').textContent()).resolves.toBe('试运行');
    await editor.screenshot('12-zh-CN');
  });
});

describe('flows from examples', { timeout: 120_000 }, () => {
  it('creates a flow from an example and dry-runs its example tickets', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('en');
    await page.goto(server.url);
    await page.getByTestId('new-flow').click();
    await page.getByTestId('new-flow-example').selectOption('02-logistics-auto-reply');
    await page.getByTestId('create-flow').click();
    await page.getByTestId('flow-editor').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(10);
    await editor.waitSaved();
    await editor.openTab('problems');
    const codes = await page.getByTestId('problem').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    // Every reply and call of the examples has an error branch: no problem at all, not even a warning.
    expect(codes).toEqual([]);
    await editor.openTab('dryRun');
    await page.getByTestId('example-tickets').selectOption('02-logistics-auto-reply');
    await expect.poll(() => page.getByTestId('ticket-count').textContent()).not.toContain(': 0');
    await page.getByTestId('run-dry-run').click();
    await expect.poll(() => page.getByTestId('ticket-run').count()).toBeGreaterThan(1);
    const summary = await page.getByTestId('branch-summary').textContent();
    expect(summary, summary ?? '').toMatch(/true \d+ runs/);
    await editor.screenshot('13-example-flow-dry-run');
  });
});

describe('secrets', { timeout: 120_000 }, () => {
  it('sets a secret from the Secrets page, shows it set, and never puts its value in the page', async () => {
    const { page } = editor;
    const value = 'e2e-s3cret-value-7f3a91';
    await page.goto(server.url);
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('nav-secrets').click();
    await page.getByTestId('secrets-page').waitFor();
    const add = page.getByTestId('new-secret');
    await add.getByLabel('Name').fill('E2E_API_TOKEN');
    await add.getByLabel('Value').fill(value);
    await add.getByRole('button', { name: 'Add' }).click();
    const row = page.locator('tr[data-secret="E2E_API_TOKEN"]');
    await expect.poll(() => row.getByTestId('secret-status').textContent()).toBe('set');
    // Write-only: cleared once saved, and the value is in no attribute, text or input of the page.
    await expect(add.getByLabel('Value').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(value);
    const inputs = await page.locator('input').evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value));
    expect(inputs).not.toContain(value);
    await editor.screenshot('14-secrets');
  });
});

describe('no lost edits', { timeout: 180_000 }, () => {
  const FLOW = 'no-lost-edits';
  const document = (keywords: readonly string[]) => ({
    id: FLOW,
    name: 'No lost edits',
    nodes: [
      { id: 'start', type: 'ticket_created', position: { x: 0, y: 0 } },
      { id: 'match', type: 'text_contains', config: { keywords }, position: { x: 320, y: 0 } },
      { id: 'done', type: 'end', position: { x: 640, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'match' },
      { id: 'e2', source: 'match', sourceHandle: 'true', target: 'done' },
      { id: 'e3', source: 'match', sourceHandle: 'false', target: 'done' },
    ],
  });
  /** What the tests read of a stored document. */
  interface StoredDocument {
    readonly nodes: readonly { readonly config?: { readonly keywords?: readonly string[] } }[];
  }
  /** Another client of the same server: a colleague's tab, a script. */
  const otherClient = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const keywordsOnServer = async () => {
    const { body } = await otherClient('GET', `/api/flows/${FLOW}`);
    return (body as { draft: StoredDocument }).draft.nodes[1]?.config?.keywords;
  };

  beforeAll(async () => {
    expect(await otherClient('POST', '/api/flows', { name: 'No lost edits', document: document(['退款']) })).toMatchObject({ status: 201 });
    const { page } = editor;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/#/flows/${FLOW}`);
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('flow-editor').waitFor();
    await editor.waitSaved();
  });
  afterAll(async () => {
    await editor.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('does not publish when the server refuses the save, and says the save failed', async () => {
    const { page } = editor;
    const publishes: string[] = [];
    const countPublishes = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/flows/${FLOW}/versions`)) publishes.push(request.url());
    };
    page.on('request', countPublishes);
    // The server refuses the next save once, as a database outage would.
    await page.route(
      `**/api/flows/${FLOW}/draft`,
      (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'database unavailable' }) }),
      { times: 1 },
    );
    await editor.selectNode('match');
    await editor.addChips('keywords', ['退货']);
    // Publish at once: it saves first, the save fails, so nothing is published.
    await editor.publish();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Not published: the draft could not be saved');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-status')).toBe('error');
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Save failed: database unavailable');
    expect(publishes).toEqual([]);
    await editor.screenshot('15-save-failed-not-published');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('未发布：草稿未能保存');
    await editor.screenshot('15-save-failed-not-published-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');

    // The server is back: Publish saves the edit and publishes exactly that draft.
    await editor.publish();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Published version 1');
    expect(publishes).toHaveLength(1);
    const { body } = await otherClient('GET', `/api/flows/${FLOW}/versions/1`);
    expect((body as { document: StoredDocument }).document.nodes[1]?.config?.keywords).toEqual(['退款', '退货']);
    page.off('request', countPublishes);
  });

  it('asks before overwriting a draft someone saved meanwhile, shows the difference, and keeps mine when asked', async () => {
    const { page } = editor;
    await editor.waitSaved();
    // A colleague saves the same draft through the API while this tab is open.
    const { body: current } = await otherClient('GET', `/api/flows/${FLOW}`);
    const theirs = await otherClient('PUT', `/api/flows/${FLOW}/draft`, {
      document: document(['退款', '退货', '他们的']),
      revision: current.revision,
    });
    expect(theirs.status).toBe(200);

    await editor.addChips('keywords', ['我的']);
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('save-state').getAttribute('data-status')).resolves.toBe('conflict');
    await expect(dialog.textContent()).resolves.toContain(`now revision ${String(theirs.body.revision)}`);
    // Nothing of mine went over theirs.
    expect(await keywordsOnServer()).toEqual(['退款', '退货', '他们的']);
    await editor.screenshot('16-conflict-dialog');

    await page.getByTestId('conflict-diff').click();
    await page.getByTestId('diff-panel').waitFor();
    await expect.poll(() => editor.node('match').locator('.flow-node').getAttribute('class')).toContain('diff-changed');
    await expect(
      page.locator('[data-testid="diff-node"][data-node-id="match"] [data-field="config.keywords"] .after').textContent(),
    ).resolves.toContain('我的');
    await expect(page.getByTestId('diff-panel').locator('h3').textContent()).resolves.toContain('theirs (revision');
    await editor.screenshot('17-conflict-difference');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('conflict-keep-mine').textContent()).toBe('保留我的');
    await editor.screenshot('17-conflict-difference-zh-CN');
    await page.getByTestId('language-switch').selectOption('en');

    await page.getByTestId('conflict-keep-mine').click();
    await expect(page.getByTestId('conflict-dialog').count()).resolves.toBe(0);
    await editor.waitSaved();
    expect(await keywordsOnServer()).toEqual(['退款', '退货', '我的']);
    await expect.poll(async () => (await otherClient('GET', `/api/flows/${FLOW}`)).body.revision).toBe(Number(theirs.body.revision) + 1);
    await editor.screenshot('18-conflict-kept-mine');
  });
});
