import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** Where Debian puts its Chromium (`apt-get install chromium`); SWITCHYARD_CHROMIUM overrides. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

/** The PDF cannot be made on this machine: what is missing, by its Debian package name. */
export class PdfUnavailableError extends Error {
  override readonly name = 'PdfUnavailableError';
  constructor(readonly missing: readonly string[]) {
    super(
      `the PDF export needs ${missing.join(' and ')} on the server (apt-get install ${missing.join(' ')}) / ` +
        `导出 PDF 需要服务器安装 ${missing.join('、')}（apt-get install ${missing.join(' ')}）`,
    );
  }
}

/** Whether a CJK font (Noto CJK, fonts-noto-cjk) is installed: searched by file name under the font folders. */
function hasCjkFont(dirs: readonly string[]): boolean {
  const walk = (dir: string, depth: number): boolean => {
    if (depth > 4 || !existsSync(dir)) return false;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() ? walk(join(dir, entry.name), depth + 1) : /CJK/i.test(entry.name)) return true;
    }
    return false;
  };
  return dirs.some((d) => walk(d, 0));
}

/** What the PDF export lacks here (empty: nothing). */
export function pdfPrerequisites(options: { chromium?: string; fontDirs?: readonly string[] } = {}): {
  chromium: string;
  missing: string[];
} {
  const path = options.chromium ?? process.env.SWITCHYARD_CHROMIUM ?? DEFAULT_CHROMIUM;
  const missing: string[] = [];
  if (!existsSync(path)) missing.push('chromium');
  if (!hasCjkFont(options.fontDirs ?? FONT_DIRS)) missing.push('fonts-noto-cjk');
  return { chromium: path, missing };
}

/** Chromium stays up between exports (starting it costs seconds) and closes after this long unused. */
const IDLE_CLOSE_MS = 60_000;
let shared: { path: string; browser: Promise<Browser>; idle: NodeJS.Timeout | undefined; users: number } | undefined;

/** The Chromium exports share, started on first use; a crashed one is started again. */
function sharedBrowser(executablePath: string): Promise<Browser> {
  if (shared && shared.path === executablePath) {
    clearTimeout(shared.idle);
    shared.users += 1;
    return shared.browser;
  }
  // Loaded on the first export, not at start: playwright-core is a large module every start would pay for.
  const browser = import('playwright-core').then(({ chromium }) =>
    chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] }),
  );
  const entry = { path: executablePath, browser, idle: undefined, users: 1 };
  shared = entry;
  void browser.then(
    (b) => b.on('disconnected', () => shared === entry && (shared = undefined)),
    () => shared === entry && (shared = undefined),
  );
  return browser;
}

function releaseLater(): void {
  const entry = shared;
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  clearTimeout(entry.idle);
  entry.idle = setTimeout(() => {
    if (shared === entry) shared = undefined;
    void entry.browser.then((b) => b.close()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  // An idle browser must not keep the process alive.
  entry.idle.unref();
}

/**
 * Prints an HTML page to an A4 PDF with the machine's Chromium (headless, no network): the
 * fonts it uses, Noto CJK for Chinese, are embedded. Throws `PdfUnavailableError` naming what
 * is missing (Chromium, the CJK fonts).
 * @example const pdf = await printPdf(weeklyHtml(report));
 */
export async function printPdf(html: string, options: { chromium?: string; fontDirs?: readonly string[] } = {}): Promise<Buffer> {
  const { chromium: executablePath, missing } = pdfPrerequisites(options);
  if (missing.length > 0) throw new PdfUnavailableError(missing);
  const browser = await sharedBrowser(executablePath);
  const page = await browser.newPage();
  try {
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
    releaseLater();
  }
}
