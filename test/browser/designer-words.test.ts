import { builtinNodes } from '@switchyard/nodes';
import { createApiClient, type CatalogEntry } from '@switchyard/api';
import { readFieldMeta, schemaProperties } from '@switchyard/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 17, parts 2, 3 and 9, as a supervisor meets them in 中文 at 1280 x 800: a reply
 * template with an unknown variable shows the problem with the name it meant, the variable
 * browser inserts the right one and the preview renders it; the inspector of every built-in
 * node shows titles and choice labels (no raw keys); the dry-run timeline is a table in words.
 * The same screens in English. Screenshots land in test-artifacts/browser (words-*.png).
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;
let catalog: readonly CatalogEntry[];
let greetingFlow: string;
let everyNodeFlow: string;

const han = /\p{Script=Han}/u;

beforeAll(async () => {
  session = await startEditorSession({
    locale: 'zh-CN',
    prepare: async (started) => {
      server = started;
      const api = createApiClient({ baseUrl: server.url, headers: { authorization: `Bearer ${server.admin.token}` } });
      catalog = await api.nodes();
      greetingFlow = (
        await api.createFlow('E2E 问候', {
          id: 'e2e-greeting',
          name: 'E2E 问候',
          nodes: [
            { id: 'start', type: 'ticket_created', position: { x: 0, y: 0 } },
            {
              id: 'pick',
              type: 'assign',
              label: '分配坐席',
              config: { strategy: 'least_loaded', group: 'logistics' },
              position: { x: 300, y: 0 },
            },
            { id: 'greet', type: 'reply', label: '问候客户', config: { template: '{{customer.name}} 您好' }, position: { x: 600, y: 0 } },
            { id: 'done', type: 'end', position: { x: 900, y: 0 } },
          ],
          edges: [
            { id: 'e1', source: 'start', target: 'pick' },
            { id: 'e2', source: 'pick', target: 'greet' },
            { id: 'e3', source: 'greet', target: 'done' },
          ],
        })
      ).id;
      everyNodeFlow = (
        await api.createFlow('E2E 全部节点', {
          id: 'e2e-every-node',
          name: 'E2E 全部节点',
          nodes: builtinNodes.map((def, i) => ({
            id: `n${i}`,
            type: def.type,
            position: { x: (i % 6) * 320, y: Math.floor(i / 6) * 220 },
          })),
          edges: [],
        })
      ).id;
    },
  });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('a designer a supervisor can use alone', { timeout: 120_000 }, () => {
  it('names an unknown variable with the name it meant, and the preview renders the fixed one', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/${greetingFlow}`);
    await page.getByTestId('flow-editor').waitFor();
    await editor.openTab('problems');
    const problem = page.locator('[data-testid="problem"][data-code="unknown_variable"]');
    await expect
      .poll(() => problem.textContent())
      .toContain('「问候客户」的「回复内容」：没有变量 customer.name，是否要写 ticket.customer.name？');

    await problem.click();
    await page.locator('[data-testid="inspector"][data-node-id="greet"]').waitFor();
    await expect(page.locator('[data-field="template"] .error').first().textContent()).resolves.toContain('ticket.customer.name');
    await page.getByTestId('field-template-variables').click();
    await page.getByTestId('variable-browser').waitFor();
    // The assignment before the reply declares its output: its fields are offered under vars.pick.
    await expect(page.locator('[data-testid="variable"][data-path="vars.pick.name"]').count()).resolves.toBe(1);
    await editor.screenshot('words-01-unknown-variable-zh');

    // Fix it from the browser: the name goes in where the cursor is.
    const box = page.getByTestId('field-template');
    await box.fill(' 您好');
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    // The disclosure marker unfolds the customer; the name itself inserts.
    await page.locator('details[data-path="ticket.customer"] > summary').click({ position: { x: 4, y: 8 } });
    await page.locator('[data-testid="variable"][data-path="ticket.customer.name"]').click();
    await expect.poll(() => box.inputValue()).toBe('{{ticket.customer.name}} 您好');
    await expect.poll(() => page.getByTestId('field-template-preview').textContent()).toContain('王小明 您好');
    await editor.waitSaved();
    await expect.poll(() => page.locator('[data-code="unknown_variable"]').count()).toBe(0);
    await editor.screenshot('words-02-variable-browser-preview-zh');
  });

  it('completes a name typed after {{', async () => {
    const { page } = editor;
    const box = page.getByTestId('field-template');
    await box.fill('订单 {{ticket.num');
    await page.getByTestId('field-template-completions').waitFor();
    await box.press('Tab');
    await expect.poll(() => box.inputValue()).toBe('订单 {{ticket.number}}');
    await expect.poll(() => page.getByTestId('field-template-preview').textContent()).toContain('订单 GD2024050001');
    await box.fill('{{ticket.customer.name}} 您好');
    await editor.waitSaved();
  });

  it('shows the inspector of every built-in node in Chinese, with no raw key', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/${everyNodeFlow}`);
    await page.getByTestId('flow-editor').waitFor();
    for (const [i, def] of builtinNodes.entries()) {
      const id = `n${i}`;
      // The first view keeps labels readable, so not all 31 nodes fit: show them all before each click.
      await page.getByTestId('fit-view').click();
      await editor.node(id).click();
      const inspector = page.locator(`[data-testid="inspector"][data-node-id="${id}"]`);
      await inspector.waitFor();
      const entry = catalog.find((e) => e.type === def.type);
      const properties = schemaProperties(entry?.configSchema);
      await expect(inspector.locator('.inspector-title strong').textContent()).resolves.toBe(entry?.title['zh-CN']);
      // Groups are folded until used: open them so their fields count too.
      for (const group of await inspector.locator('[data-testid="field-group"]:not([open]) > summary').all()) await group.click();
      for (const field of await inspector.locator('.config-field[data-field]').all()) {
        const key = (await field.getAttribute('data-field')) ?? '';
        const meta = readFieldMeta(properties[key]);
        expect(meta, `${def.type}.${key}`).toBeDefined();
        await expect(field.getByTestId('field-title').textContent(), `${def.type}.${key}`).resolves.toBe(meta?.title['zh-CN']);
        // Roster pickers list groups and agents by their own names; enums list their labels.
        if (!meta?.choices) continue;
        const choices = await field.locator('select option:not([value=""]), .multi-enum label').allTextContents();
        for (const text of choices)
          expect(
            Object.values(meta?.choices ?? {}).map((c) => c['zh-CN']),
            `${def.type}.${key}: ${text}`,
          ).toContain(text);
      }
      const words = (
        await inspector.locator('.config-field-label, select option, .multi-enum label, .field-group > summary').allTextContents()
      ).join('\n');
      const rawKeys = Object.keys(properties).filter((key) => key.length > 2);
      for (const key of rawKeys) expect(words, `${def.type} shows ${key}`).not.toMatch(new RegExp(`\\b${key}\\b`));
      expect(words.replace(/\s/g, '') === '' || han.test(words), def.type).toBe(true);
      if (def.type === 'assign') await editor.screenshot('words-03-inspector-assign-zh');
      if (def.type === 'http') await editor.screenshot('words-04-inspector-http-zh');
    }
  });

  it('shows the dry-run timeline as a table in words', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/${greetingFlow}`);
    await page.getByTestId('flow-editor').waitFor();
    await editor.openTab('dryRun');
    await page.locator('summary', { hasText: '快速创建工单' }).click();
    await page.getByTestId('quick-subject').fill('我的快递到哪了？');
    await page.getByTestId('add-quick').click();
    await page.getByTestId('run-dry-run').click();
    const row = page.locator('[data-testid="timeline-row"][data-node-id="greet"]').first();
    await expect.poll(() => row.textContent()).toContain('问候客户');
    await expect(row.textContent()).resolves.toMatch(/回复客户：“.* 您好”/);
    await expect(page.getByTestId('final').first().textContent()).resolves.toMatch(/^结果：状态 /);
    await page.getByTestId('dry-run-results').scrollIntoViewIfNeeded();
    await editor.screenshot('words-05-dry-run-table-zh');
  });

  it('says the same in English', async () => {
    const { page } = editor;
    await page.getByTestId('language-switch').selectOption('en');
    await expect
      .poll(() => page.locator('[data-testid="timeline-row"][data-node-id="greet"]').first().textContent())
      .toMatch(/Replied to the customer: “.* 您好”/);
    await page.getByTestId('dry-run-results').scrollIntoViewIfNeeded();
    await editor.screenshot('words-06-dry-run-table-en');
    await editor.openTab('inspector');
    await editor.node('greet').click();
    await page.locator('[data-testid="inspector"][data-node-id="greet"]').waitFor();
    await page.getByTestId('field-template-variables').click();
    await expect(page.locator('[data-field="template"] [data-testid="field-title"]').textContent()).resolves.toBe('Message');
    await expect.poll(() => page.getByTestId('field-template-preview').textContent()).toContain('Emma Li 您好');
    await editor.screenshot('words-07-variable-browser-en');
    await editor.node('pick').click();
    await page.locator('[data-testid="inspector"][data-node-id="pick"]').waitFor();
    await expect(page.locator('[data-field="strategy"] select option:checked').textContent()).resolves.toBe('Least-loaded agent');
    await editor.screenshot('words-08-inspector-assign-en');
  });
});
