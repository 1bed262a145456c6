import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import type { SwitchyardServer } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 18's leftover: the editor's dry-run panel explains, as the trace canvas does for a real
 * ticket, each condition on the path with its answer and the inputs it read (POST
 * /api/flows/:id/dry-run with `explain`). Screenshots dry-run-explain-*.png, en and zh-CN.
 */
let server: SwitchyardServer;
let session: EditorSession | undefined;
let editor: EditorPage;
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 250 });

beforeAll(async () => {
  session = await startEditorSession({ locale: 'en-US' });
  ({ server, editor } = session);
}, 480_000);

afterAll(async () => {
  await session?.close();
});

describe('the dry-run panel explains its decisions', { timeout: 120_000 }, () => {
  it('names each condition’s answer and what it read, in English and Chinese', async () => {
    const { page } = editor;
    await page.goto(`${server.url}/#/flows/intake-classify`);
    await page.getByTestId('flow-editor').waitFor();
    await editor.openTab('dryRun');
    await page.getByTestId('example-tickets').selectOption('01-intake-classify');
    await poll(() => page.getByTestId('ticket-count').textContent()).not.toContain(': 0');
    expect(await page.getByTestId('run-explain').isChecked()).toBe(true);
    await page.getByTestId('run-dry-run').click();
    const first = page.locator('[data-testid="ticket-run"][data-ticket-id="ic-01"]');
    await poll(() => first.getByTestId('why-step').count()).toBeGreaterThan(0);
    // ic-01 is a complaint: the complaint condition answered true because it found its keyword.
    const complaint = first.locator('[data-testid="why-step"][data-node-id="ic-is-complaint"]');
    await poll(() => complaint.getByTestId('why-answer').textContent()).toBe('→ true');
    await poll(() => complaint.getByTestId('why-input').first().textContent()).toBe('keyword “投诉” found');
    // The other deployed flows' decisions are there too, folded away.
    await poll(() => first.getByTestId('why-others').locator('summary').textContent()).toMatch(/^\d+ decisions in the other flows$/);
    await first.getByTestId('dry-run-why').scrollIntoViewIfNeeded();
    await editor.screenshot('dry-run-explain-01-en');

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await poll(() => complaint.getByTestId('why-answer').textContent()).toBe('→ 是');
    await poll(() => complaint.getByTestId('why-input').first().textContent()).toBe('找到关键词「投诉」');
    await editor.screenshot('dry-run-explain-02-zh-CN');

    // Unchecked, the plain contract: no "why" at all.
    await page.getByTestId('run-explain').uncheck();
    await page.getByTestId('run-dry-run').click();
    await poll(() => page.getByTestId('dry-run-why').count()).toBe(0);
    await page.getByTestId('language-switch').selectOption('en');
  });
});
