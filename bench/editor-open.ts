import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditor, EDITOR_DIR } from '../apps/editor/e2e/build-editor';
import { CHROMIUM_PATH, launchChromium } from '../apps/editor/e2e/chromium';
import { ARTIFACTS_DIR, EditorPage } from '../apps/editor/e2e/editor-page';
import { startSwitchyard } from '../apps/editor/e2e/switchyard-server';
import { waitForExpression } from '../apps/editor/e2e/wait-for-expression';
import { generateLargeFlow } from '../apps/editor/src/model/large-flow';
import { type BenchRow, fmtMs, renderTable } from './report';

const NODES = 500;
const RUNS = 5;
const OPEN_TARGET_MS = 1000;
/** Issue 22: a frame within 33 ms (30 frames a second) at p95 while panning or dragging; the flow open within 1 s. */
const FRAME_TARGET_MS = 33;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: readonly number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

/**
 * Opens a generated 500-node flow in the editor in headless Chromium, against the real server:
 * the time from navigation until the canvas has drawn its nodes (fitted to the window), and the
 * frame times of a one-second pan across it.
 */
export async function benchEditorOpen(): Promise<BenchRow[]> {
  // A figure, not a test: without the browser the row says why instead of stopping `pnpm bench`.
  if (!existsSync(CHROMIUM_PATH))
    return [
      {
        bench: `editor: open a ${NODES}-node flow`,
        metric: 'not run',
        value: `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`,
      },
    ];
  if (!existsSync(`${EDITOR_DIR}/dist/index.html`) || process.env.BENCH_BUILD_EDITOR !== '0') await buildEditor();
  const server = await startSwitchyard();
  const browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
  try {
    const doc = generateLargeFlow(NODES);
    const { id } = await server.asAdmin<{ id: string }>('POST', '/api/flows', { name: doc.name, document: doc });
    const page = await browser.context.newPage();
    // Auth is always on (issue 16): sign in once; the session cookie serves every later load.
    await new EditorPage(page).signIn(server.url, server.admin);
    // Warm the HTTP cache and the server's first-query paths, as a returning user would have them.
    await page.goto(`${server.url}/#/flows/${id}`);
    await page.locator('.react-flow__node').first().waitFor();

    const openTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto('about:blank');
      const start = performance.now();
      await page.goto(`${server.url}/#/flows/${id}`);
      // Drawn: nodes are in the DOM and measured (React Flow shows a node once it knows its size).
      await waitForExpression(
        page,
        `(() => {
        const nodes = document.querySelectorAll('.react-flow__node');
        return nodes.length > 0 && [...nodes].every((n) => n.style.visibility !== 'hidden');
      })()`,
      );
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      openTimes.push(performance.now() - start);
    }

    const drawn = await page.locator('.react-flow__node').count();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, `bench-${NODES}-nodes.png`) });
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('the canvas is not visible');
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(`(() => {
      const frames = [];
      let last = performance.now();
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (frames.length < 1000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.benchFrames = frames;
    })()`);
    await page.waitForTimeout(1000);
    const idle = await page.evaluate<number[]>('window.benchFrames.splice(0).slice(1)');
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 0; step < 60; step += 1) {
      await page.mouse.move(cx - step * 8, cy - step * 4);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const frames = await page.evaluate<number[]>('window.benchFrames.splice(0).slice(1)');

    // Drag one node across the canvas: every frame moves it in the document and redraws.
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400);
    await page.evaluate(`(() => {
      const frames = window.benchFrames;
      let last = performance.now();
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (frames.length < 1000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const node = await page.locator('.react-flow__node[data-id="c0"]').boundingBox();
    if (!node) throw new Error('node c0 is not visible');
    await page.mouse.move(node.x + node.width / 2, node.y + 4);
    await page.mouse.down();
    for (let step = 0; step < 60; step += 1) {
      await page.mouse.move(node.x + node.width / 2 + step * 5, node.y + 4 + step * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const dragFrames = await page.evaluate<number[]>('window.benchFrames.splice(0).slice(1)');
    return [
      {
        bench: `editor: open a ${NODES}-node flow`,
        metric: `navigation to drawn, median of ${RUNS}`,
        value: fmtMs(median(openTimes)),
        target: `< ${OPEN_TARGET_MS} ms`,
        pass: median(openTimes) < OPEN_TARGET_MS,
      },
      { bench: `editor: open a ${NODES}-node flow`, metric: 'slowest run', value: fmtMs(Math.max(...openTimes)) },
      { bench: `editor: open a ${NODES}-node flow`, metric: 'nodes drawn when fitted to the window', value: String(drawn) },
      {
        bench: `editor: idle, ${NODES}-node flow`,
        metric: 'frame time, median / p95',
        value: `${fmtMs(median(idle))} / ${fmtMs(percentile(idle, 0.95))}`,
      },
      {
        bench: `editor: pan the ${NODES}-node flow`,
        metric: 'frame time, median / p95',
        value: `${fmtMs(median(frames))} / ${fmtMs(percentile(frames, 0.95))}`,
        target: `p95 < ${FRAME_TARGET_MS} ms`,
        pass: percentile(frames, 0.95) < FRAME_TARGET_MS,
      },
      {
        bench: `editor: drag a node, ${NODES} nodes`,
        metric: 'frame time, median / p95',
        value: `${fmtMs(median(dragFrames))} / ${fmtMs(percentile(dragFrames, 0.95))}`,
        target: `p95 < ${FRAME_TARGET_MS} ms`,
        pass: percentile(dragFrames, 0.95) < FRAME_TARGET_MS,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`\n${renderTable(await benchEditorOpen())}`);
}
