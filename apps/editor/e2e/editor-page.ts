import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** Where screenshots go (git-ignored): test-artifacts/browser at the repository root. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-artifacts/browser', import.meta.url));

/**
 * Drives the editor the way a person does: drag from the palette, wire ports, type into the
 * inspector. Locators use the data-* attributes the components set for this purpose.
 */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** Signs in on the sign-in page at `url` and waits for the signed-in app (its user menu). */
  async signIn(url: string, user: { readonly email: string; readonly password: string }): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('sign-in-email').fill(user.email);
    await this.page.getByTestId('sign-in-password').fill(user.password);
    await this.page.getByTestId('sign-in-submit').click();
    await this.page.getByTestId('user-menu').waitFor();
  }

  /** Signs out through the user menu and waits for the sign-in page. */
  async signOut(): Promise<void> {
    const menu = this.page.getByTestId('user-menu');
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await this.page.getByTestId('sign-out').click();
    await this.page.getByTestId('sign-in-page').waitFor();
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Drags a node type from the palette and drops it at a point of the canvas (fractions of its size). */
  async dropFromPalette(type: string, at: { x: number; y: number }): Promise<void> {
    const pane = this.page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    await this.page.getByTestId(`palette-${type}`).dragTo(pane, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  }

  /** Draws a wire from a node's output port to another node's input, with the mouse. */
  async connect(source: string, port: string, target: string): Promise<void> {
    const from = await this.page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${port}"]`).boundingBox();
    const to = await this.page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`).boundingBox();
    if (!from || !to) throw new Error(`cannot see the ports to connect ${source}.${port} -> ${target}`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  async selectNode(id: string): Promise<void> {
    await this.node(id).locator('.flow-node-header').click();
    await this.page.locator(`[data-testid="inspector"][data-node-id="${id}"]`).waitFor();
  }

  /** Types keywords into a chips field, each followed by Enter. */
  async addChips(field: string, words: readonly string[]): Promise<void> {
    const input = this.page.locator(`[data-testid="field-${field}"] input`);
    for (const word of words) {
      await input.fill(word);
      await input.press('Enter');
    }
  }

  /** Publishes as a person does: Publish, a change note in its dialog, then the dialog's Publish. */
  async publish(note = 'a change 一处修改'): Promise<void> {
    await this.page.getByTestId('publish').click();
    await this.page.getByTestId('publish-note').fill(note);
    await this.page.getByTestId('publish-confirm').click();
  }

  /** Waits until the draft is saved and the server's diagnostics are in. */
  async waitSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
  }

  async openTab(tab: 'inspector' | 'problems' | 'versions' | 'dryRun' | 'rollout'): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }
}
