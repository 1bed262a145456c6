import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createManualClock, type ManualClock, type RuntimeContext, type SwitchyardDatabase } from '@switchyard/runtime';
import { pino } from 'pino';
import { createApp, type AppOptions } from '../create-app';
import type { SwitchyardApp } from '../app-env';
import { checkAnswer, routeContracts } from './route-contract';

export const registry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** The repository's examples folder: the ten flows and the roster. */
export const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');

export interface TestApp {
  readonly app: SwitchyardApp;
  readonly ctx: RuntimeContext & { clock: ManualClock };
  /** A JSON request to the app, in process; its answer is checked against its route's declared status and schema. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

/** The app on a test database, with a manual clock and a silent logger. */
export function testApp(store: SwitchyardDatabase, options: Partial<AppOptions> = {}): TestApp {
  const ctx = { db: store.db, registry, clock: createManualClock('2026-05-01T09:00:00+08:00'), logger: pino({ level: 'silent' }) };
  const app = createApp({ ctx, ...options });
  const contracts = routeContracts(app);
  return {
    app,
    ctx,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await app.request(path, init);
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        // not JSON: keep the text (HTML pages)
      }
      checkAnswer(contracts, method, path, res.status, parsed);
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
