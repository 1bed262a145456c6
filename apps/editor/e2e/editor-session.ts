import { buildEditor } from './build-editor';
import { type Browser, launchChromium } from './chromium';
import { EditorPage } from './editor-page';
import { type SwitchyardServer, startSwitchyard } from './switchyard-server';

/** A browser test's world: Chromium, a real server on its own PGlite, and one page on the editor. */
export interface EditorSession {
  readonly browser: Browser;
  readonly server: SwitchyardServer;
  readonly editor: EditorPage;
  close(): Promise<void>;
}

export interface EditorSessionOptions {
  readonly locale: 'en-US' | 'zh-CN';
  /** 1280x800 (the size the product is looked at) unless a test needs another. */
  readonly viewport?: { width: number; height: number };
  /** Set-up through the API once the server answers and before the page opens (flows, tickets, users). */
  readonly prepare?: (server: SwitchyardServer) => Promise<void>;
  /** Sign the page in as the server's first admin (default); a test that signs in as others says false. */
  readonly signInAsAdmin?: boolean;
}

/**
 * Starts a browser test's world. The browser first: without Chromium the suite fails at once,
 * saying how to install it. Everything the page loads must come from the server (no CDN): any
 * other http(s) request is aborted. Whatever started is stopped again if a later step fails.
 * @example const session = await startEditorSession({ locale: 'zh-CN' }); await session.close();
 */
export async function startEditorSession(options: EditorSessionOptions): Promise<EditorSession> {
  const browser = await launchChromium({ locale: options.locale, viewport: options.viewport ?? { width: 1280, height: 800 } });
  let server: SwitchyardServer | undefined;
  const close = async () => {
    await browser.close();
    await server?.stop();
  };
  try {
    await buildEditor();
    const started = await startSwitchyard();
    server = started;
    await options.prepare?.(started);
    const page = await browser.context.newPage();
    await page.route(
      (url) => !url.href.startsWith(started.url) && url.protocol.startsWith('http'),
      (route) => route.abort(),
    );
    const editor = new EditorPage(page);
    if (options.signInAsAdmin ?? true) await editor.signIn(started.url, started.admin);
    return { browser, server: started, editor, close };
  } catch (error) {
    await close();
    throw error;
  }
}
