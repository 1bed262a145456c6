import { benchAuditChain } from './audit-chain';
import { benchCompileLargeFlow } from './compile-large-flow';
import { benchDryRunThroughput } from './dry-run-throughput';
import { benchDurable } from './durable';
import { benchEditorOpen } from './editor-open';
import { benchGuardrailScale } from './guardrail-scale';
import { benchRolloutMetrics } from './rollout-metrics';
import { type BenchRow, renderTable } from './report';
import { benchStartTime } from './start-time';

/*
 * `pnpm bench`: runs every benchmark in one process, one after another, and prints one
 * table. Figures only; a MISS does not fail the command, so CI can show it without
 * flaking on a busy machine.
 */
const rows: BenchRow[] = [];
rows.push(...benchCompileLargeFlow());
rows.push(...(await benchDryRunThroughput()));
rows.push(...(await benchDurable()));
rows.push(...(await benchRolloutMetrics()));
rows.push(...(await benchGuardrailScale()));
rows.push(...(await benchEditorOpen()));
rows.push(...(await benchStartTime()));
rows.push(...(await benchAuditChain()));
console.log(`\n${renderTable(rows)}`);
