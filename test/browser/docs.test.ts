import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../../apps/editor/e2e/chromium';
import { EditorPage } from '../../apps/editor/e2e/editor-page';
import { type SwitchyardServer, startSwitchyard } from '../../apps/editor/e2e/switchyard-server';

/*
 * Issue 17 part 7: /docs is self-contained. The page renders every operation of /openapi.json
 * with the network blocked (anything not from the server is aborted) and under the strict
 * Content-Security-Policy the server is to send (added here to every answer, so the check does
 * not depend on which middleware sets it): no inline script, no CDN, no eval.
 */
const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

let server: SwitchyardServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  server = await startSwitchyard();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the API reference at /docs', { timeout: 120_000 }, () => {
  it('renders every operation from bundled assets with the network blocked, under a strict CSP', async () => {
    const page = await browser.context.newPage();
    const outside: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(server.url)) {
        outside.push(url);
        return route.abort();
      }
      const answer = await route.fetch();
      return route.fulfill({ response: answer, headers: { ...answer.headers(), 'content-security-policy': CSP } });
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Switchyard API' }).waitFor();
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect.poll(() => page.locator('.opblock').count()).toBe(operations);
    // An operation opens with its description and example answer, from the same document.
    await page.locator('#operations-flows-createFlow .opblock-summary').click();
    await page.locator('#operations-flows-createFlow').getByText('Creates a flow and its first draft').waitFor();
    await page.locator('#operations-flows-createFlow .highlight-code').first().waitFor();
    await new EditorPage(page).screenshot('docs-01-api-reference');

    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
