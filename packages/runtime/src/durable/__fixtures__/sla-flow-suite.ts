import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { slaFlow } from '../../__fixtures__/sla-flow';
import { createFlow } from '../../catalog/create-flow';
import { deployVersion } from '../../catalog/deploy-version';
import { publishVersion } from '../../catalog/publish-version';
import { createManualClock, type ManualClock } from '../../clock';
import type { SwitchyardDatabase } from '../../db/create-database';
import { type TestDatabaseTarget, useTestDatabase } from '../../testing/index';
import type { DeliveryOptions } from '../deliver-effects';
import type { RuntimeContext } from '../runtime-context';
import { createWorker, type Worker } from '../worker';

/** What a durable suite works with; a fresh worker for each test. */
export interface SlaFlowSuite {
  readonly ctx: RuntimeContext;
  readonly worker: Worker;
  /** The stand-in ERP the SLA flow calls; it answers 200 `{ ok: true }` at the start of each test. */
  readonly erp: TestHttpServer;
}

/**
 * The set-up the durable suites share: a migrated database emptied after each test, a stand-in
 * ERP, a manual clock at 2026-05-01 09:00 (China time) and, before each test, the SLA flow
 * deployed with a worker of its own (stopped after the test). The parts are handed to `ready`
 * before each test, so a suite keeps them in its own variables.
 * @example const { store, clock } = useSlaFlowSuite(target, { maxAttempts: 3 }, (s) => ({ ctx, worker, erp } = s));
 */
export function useSlaFlowSuite(
  target: TestDatabaseTarget,
  delivery: DeliveryOptions,
  ready: (suite: SlaFlowSuite) => void,
): { store: SwitchyardDatabase; clock: ManualClock } {
  const store = useTestDatabase(target);
  const clock = createManualClock('2026-05-01T09:00:00+08:00');
  const registry = createNodeRegistry(builtinNodes);
  let erp: TestHttpServer | undefined;
  let worker: Worker | undefined;

  beforeAll(async () => {
    erp = await startTestHttpServer({ body: { ok: true } });
  });
  afterAll(async () => {
    await erp?.close();
  });
  beforeEach(async () => {
    if (!erp) throw new Error('the stand-in ERP did not start');
    const ctx: RuntimeContext = { db: store.db, registry, clock, logger: pino({ level: 'silent' }), httpAllow: [erp.host] };
    await createFlow(ctx, { name: 'SLA test', document: slaFlow(erp.url) }, 'test');
    const { version } = await publishVersion(ctx, 'sla-test', 'test');
    await deployVersion(ctx, 'sla-test', version, 'test', 0);
    worker = createWorker(ctx, { delivery });
    erp.answerWith({ body: { ok: true } });
    ready({ ctx, worker, erp });
  });
  afterEach(() => worker?.stop());
  return { store, clock };
}
