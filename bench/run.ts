import { randomBytes } from 'node:crypto';
import { benchAuthCost } from './auth-cost';
import { benchAuditChain } from './audit-chain';
import { benchAnalyticsScale } from './analytics-scale';
import { benchBacktest } from './backtest';
import { benchCompileLargeFlow } from './compile-large-flow';
import { benchConsoleQueue } from './console-queue';
import { benchDataKeyCost } from './data-key-cost';
import { benchDryRunThroughput } from './dry-run-throughput';
import { benchDurable } from './durable';
import { benchEditorOpen } from './editor-open';
import { benchGuardrailScale } from './guardrail-scale';
import { benchIdleCpu } from './idle-cpu';
import { benchLayoutFlow } from './layout-flow';
import { benchRolloutMetrics } from './rollout-metrics';
import { type BenchRow, renderTable } from './report';
import { benchStartTime } from './start-time';

/*
 * `pnpm bench`: runs every benchmark in one process, one after another, and prints one
 * table. Figures only; a MISS does not fail the command, so CI can show it without
 * flaking on a busy machine.
 */
// Customer data is always sealed: benches (and the worker processes they start) share a throwaway data key.
process.env.SWITCHYARD_DATA_KEY ??= randomBytes(32).toString('base64');
const rows: BenchRow[] = [];
rows.push(...benchCompileLargeFlow());
rows.push(...(await benchDryRunThroughput()));
rows.push(...(await benchDurable()));
rows.push(...(await benchRolloutMetrics()));
rows.push(...(await benchGuardrailScale()));
rows.push(...(await benchAuthCost()));
rows.push(...(await benchLayoutFlow()));
rows.push(...(await benchEditorOpen()));
rows.push(...(await benchStartTime()));
rows.push(...(await benchDataKeyCost()));
rows.push(...(await benchAuditChain()));
rows.push(...(await benchAnalyticsScale()));
rows.push(...(await benchBacktest()));
rows.push(...(await benchConsoleQueue()));
rows.push(...(await benchIdleCpu()));
console.log(`\n${renderTable(rows)}`);
