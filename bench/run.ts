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
import { benchFairness } from './fairness';
import { benchGuardrailScale } from './guardrail-scale';
import { benchIdleCpu } from './idle-cpu';
import { benchLayoutFlow } from './layout-flow';
import { benchRolloutMetrics } from './rollout-metrics';
import { type BenchRow, renderTable } from './report';
import { benchStartTime } from './start-time';
import { benchTicketCreation } from './ticket-creation';
import { benchTimerLateness } from './timer-lateness';

/*
 * `pnpm bench`: runs every benchmark in one process, one after another, and prints one
 * table. Figures only; a MISS does not fail the command, so CI can show it without
 * flaking on a busy machine. `pnpm bench start-time backtest` runs only the benches named.
 */
// Customer data is always sealed: benches (and the worker processes they start) share a throwaway data key.
process.env.SWITCHYARD_DATA_KEY ??= randomBytes(32).toString('base64');

type Bench = () => BenchRow[] | Promise<BenchRow[]>;
const BENCHES: readonly (readonly [string, Bench])[] = [
  ['compile-large-flow', benchCompileLargeFlow],
  ['dry-run-throughput', benchDryRunThroughput],
  ['durable', benchDurable],
  ['ticket-creation', benchTicketCreation],
  ['rollout-metrics', benchRolloutMetrics],
  ['guardrail-scale', benchGuardrailScale],
  ['auth-cost', benchAuthCost],
  ['layout-flow', benchLayoutFlow],
  ['editor-open', benchEditorOpen],
  ['start-time', benchStartTime],
  ['data-key-cost', benchDataKeyCost],
  ['audit-chain', benchAuditChain],
  ['analytics-scale', benchAnalyticsScale],
  ['backtest', benchBacktest],
  ['console-queue', benchConsoleQueue],
  ['idle-cpu', benchIdleCpu],
  ['fairness', benchFairness],
  ['timer-lateness', benchTimerLateness],
];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !BENCHES.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')}; the benches are: ${BENCHES.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [name, bench] of BENCHES) if (asked.length === 0 || asked.includes(name)) rows.push(...(await bench()));
console.log(`\n${renderTable(rows)}`);
