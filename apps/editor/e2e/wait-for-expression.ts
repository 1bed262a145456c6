import type { Page } from 'playwright-core';

/**
 * Waits until a page expression is truthy, checking each 20 ms. Not `page.waitForFunction`: that
 * polls by evaluating the string inside the page, which the editor's Content Security Policy
 * (`script-src 'self'`, no 'unsafe-eval') refuses; `page.evaluate` goes through the debugger protocol.
 * @example await waitForExpression(page, `document.querySelectorAll('.react-flow__node').length > 0`);
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
