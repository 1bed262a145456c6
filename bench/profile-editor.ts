import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EDITOR_DIR } from '../apps/editor/e2e/build-editor';
import { type Browser, launchChromium } from '../apps/editor/e2e/chromium';
import { EditorPage } from '../apps/editor/e2e/editor-page';
import { startSwitchyard } from '../apps/editor/e2e/switchyard-server';
import { waitForExpression } from '../apps/editor/e2e/wait-for-expression';
import { generateLargeFlow } from '../apps/editor/src/model/large-flow';

/*
 * Profiling aid, not part of `pnpm bench`: builds the editor unminified (readable function
 * names), opens the 500-node flow of bench/editor-open.ts, and records a CPU profile of the
 * open, a pan and a node drag through the debugger protocol; prints the top self-time
 * functions of each and the React commits (counted through the devtools hook React calls).
 *   pnpm exec tsx bench/profile-editor.ts [nodes] [--out /tmp/editor-profiles]
 * Rebuild the editor afterwards (`pnpm bench editor-open` does) to serve the minified build again.
 */
// playwright-core is the editor's dependency: its types reached through the fixture's.
type Page = Awaited<ReturnType<Browser['context']['newPage']>>;
type CDPSession = Awaited<ReturnType<Browser['context']['newCDPSession']>>;

const NODES = Number(process.argv[2] ?? 500);
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

async function buildUnminified(): Promise<void> {
  const vite = fileURLToPath(new URL('../apps/editor/node_modules/vite/bin/vite.js', import.meta.url));
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--minify', 'false'], {
    cwd: EDITOR_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed (${code})`);
}

/** Self time per function (name and source place), in ms, the largest first. */
function selfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const frame = node.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time of the functions named, in ms (a frame counted once per sample even when recursive). */
function inclusiveTimes(profile: CpuProfile, names: readonly string[]): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>(names.map((n) => [n, 0]));
  (profile.samples ?? []).forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (totals.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
      }
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  dur?: number;
  /** Thread (CPU) time of a complete event: what it cost whatever else the machine was running. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const isTraceEvent = (value: object): value is TraceEvent => 'name' in value && 'ph' in value && 'tid' in value;

/** Time per trace event on the renderer's main thread (inclusive), the largest first: style, layout, paint, script. */
function mainThreadPhases(events: readonly TraceEvent[]): [string, number][] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, number>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || e.dur === undefined) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * CPU and wall time per thread (top-level events only, nested ones are inside them), the most CPU
 * first. Thread time does not grow with the machine's load the way wall time does: it compares a
 * change on a shared machine. Raster and compositing run off the main thread, on their own threads.
 */
function threadTimes(events: readonly TraceEvent[]): [string, { cpu: number; wall: number }][] {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name' && e.args?.name) processes.set(e.pid, e.args.name);
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      names.set(`${e.pid}:${e.tid}`, `${processes.get(e.pid) ?? 'process'}: ${e.args.name.replace(/\d+$/, '')}`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts === undefined || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const totals = new Map<string, { cpu: number; wall: number }>();
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? 'unnamed';
    const sum = totals.get(name) ?? { cpu: 0, wall: 0 };
    let end = -Infinity;
    for (const e of list.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) {
      if ((e.ts ?? 0) < end) continue;
      end = (e.ts ?? 0) + (e.dur ?? 0);
      sum.wall += (e.dur ?? 0) / 1000;
      sum.cpu += (e.tdur ?? 0) / 1000;
    }
    totals.set(name, sum);
  }
  return [...totals].sort((a, b) => b[1].cpu - a[1].cpu);
}

async function profiled(cdp: CDPSession, page: Page, label: string, gesture: () => Promise<void>): Promise<void> {
  await page.evaluate('window.__commits = []');
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => {
    for (const event of value) if (isTraceEvent(event)) events.push(event);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink,cc', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const start = performance.now();
  await gesture();
  const wall = performance.now() - start;
  const { profile } = await cdp.send('Profiler.stop');
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const phases = mainThreadPhases(events);
  const frames = events.filter((e) => e.name === 'DrawFrame' || e.name === 'BeginFrame').length;
  const commits = await page.evaluate<number[]>('window.__commits');
  if (OUT) writeFileSync(`${OUT}/${label}.cpuprofile`, JSON.stringify(profile));
  if (OUT) writeFileSync(`${OUT}/${label}.trace.json`, JSON.stringify({ traceEvents: events }));
  const total = (profile.endTime - profile.startTime) / 1000;
  const idle = selfTimes(profile).find(([k]) => k.startsWith('(idle)'))?.[1] ?? 0;
  console.log(`\n== ${label}: ${wall.toFixed(0)} ms wall, ${(total - idle).toFixed(0)} ms busy on the main thread`);
  console.log(
    `   React commits: ${commits.length}, fibers rendered per commit (median): ${median(commits)}, max ${Math.max(0, ...commits)}`,
  );
  console.log(`   trace events (${frames} frame events), main thread inclusive ms:`);
  for (const [name, ms] of phases.slice(0, 16)) console.log(`   ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('   thread time (top-level tasks), CPU / wall ms:');
  for (const [name, t] of threadTimes(events).slice(0, 8))
    console.log(`   ${t.cpu.toFixed(1).padStart(8)} / ${t.wall.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('   top self time:');
  for (const [name, ms] of selfTimes(profile).slice(0, 18)) console.log(`   ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  const watched = [
    'FlowEditorView',
    'FlowCanvas',
    'toCanvasNodes',
    'toCanvasEdges',
    'stableJson',
    'indexDiagnostics',
    'problemNames',
    'FlowNodeView',
    'FlowEdgeView',
    'useFlowEditor',
    'Inspector',
    'DryRunPanel',
    'BacktestPanel',
    'CanvasSearchBox',
    'Palette',
    'NodeRenderer',
    'EdgeRenderer',
    'MiniMap',
    'performWorkOnRoot',
    'commitRoot',
    'JSON.stringify',
    'stringify',
  ];
  console.log('   inclusive:');
  for (const [name, ms] of inclusiveTimes(profile, watched).filter(([, ms]) => ms > 0))
    console.log(`   ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * A stand-in for React DevTools' hook: React calls onCommitFiberRoot after each commit; this
 * counts the fibers whose props or state changed in it (what DevTools shows as "rendered").
 */
const COMMIT_HOOK = `(() => {
  window.__commits = [];
  const rendered = (fiber) => {
    let count = 0;
    const walk = (f) => {
      for (let c = f; c; c = c.sibling) {
        const prev = c.alternate;
        const did = !prev || prev.memoizedProps !== c.memoizedProps || prev.memoizedState !== c.memoizedState;
        if (did && typeof c.type === 'function') count++;
        // A subtree React did not visit keeps the child objects of the last commit.
        if (c.child && (!prev || prev.child !== c.child || did)) walk(c.child);
      }
    };
    walk(fiber.child);
    return count;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
    onCommitFiberRoot(_id, root) { window.__commits && window.__commits.push(rendered(root.current)); },
  };
})()`;

await buildUnminified();
const server = await startSwitchyard();
const browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
try {
  const doc = generateLargeFlow(NODES);
  const { id } = await server.asAdmin<{ id: string }>('POST', '/api/flows', { name: doc.name, document: doc });
  const page = await browser.context.newPage();
  await page.addInitScript(COMMIT_HOOK);
  await new EditorPage(page).signIn(server.url, server.admin);
  await page.goto(`${server.url}/#/flows/${id}`);
  await page.locator('.react-flow__node').first().waitFor();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

  // The API's share of opening: the flow's detail (draft, diagnostics, versions) as the page asks for it.
  const apiStart = performance.now();
  await page.evaluate(`fetch('/api/flows/${id}').then((r) => r.text())`);
  console.log(`GET /api/flows/:id from the page: ${(performance.now() - apiStart).toFixed(0)} ms`);

  await page.goto('about:blank');
  await profiled(cdp, page, 'open', async () => {
    await page.goto(`${server.url}/#/flows/${id}`);
    await waitForExpression(
      page,
      `(() => { const n = document.querySelectorAll('.react-flow__node'); return n.length > 0 && [...n].every((e) => e.style.visibility !== 'hidden'); })()`,
    );
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  });
  const resources = await page.evaluate<string>(
    `JSON.stringify(performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map((e) => [e.name.split('/').slice(-2).join('/'), Math.round(e.startTime), Math.round(e.duration)]))`,
  );
  console.log(`   resources [name, start, duration]: ${resources}`);

  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await profiled(cdp, page, 'pan', async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 0; step < 60; step += 1) {
      await page.mouse.move(cx - step * 8, cy - step * 4);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(400);
  const node = await page.locator('.react-flow__node[data-id="c0"]').boundingBox();
  if (!node) throw new Error('node c0 is not visible');
  await profiled(cdp, page, 'drag', async () => {
    await page.mouse.move(node.x + node.width / 2, node.y + 4);
    await page.mouse.down();
    for (let step = 0; step < 60; step += 1) {
      await page.mouse.move(node.x + node.width / 2 + step * 5, node.y + 4 + step * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
} finally {
  await browser.close();
  await server.stop();
}
