import { loadExamples } from './examples';
import { makePasses, SIDES, type Side } from './throughput-sides';

/** What a worker reports: one sample per timed pass, in milliseconds. */
export interface WorkerReport {
  readonly side: Side;
  readonly tickets: number;
  readonly wall: readonly number[];
  readonly cpu: readonly number[];
}

/*
 * Times one side of the throughput benchmark in a process of its own, so the two sides
 * share no JIT feedback or heap (run together, each slowed the other). Started by
 * dry-run-throughput.ts with: <side> <warmupMs> <measureMs>.
 */
const [sideArg, warmupArg, measureArg] = process.argv.slice(2);
const side = SIDES.find((s) => s === sideArg);
if (!side) throw new Error(`unknown side "${sideArg}"; one of ${SIDES.join(', ')}`);
const examples = loadExamples();
const pass = makePasses(examples)[side];
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const warmupUntil = performance.now() + Number(warmupArg);
for (let i = 0; i < 5 || performance.now() < warmupUntil; i++) await pass();
const wall: number[] = [];
const cpu: number[] = [];
const measureUntil = performance.now() + Number(measureArg);
while (wall.length < 10 || (performance.now() < measureUntil && wall.length < 500)) {
  const w = performance.now();
  const c = cpuMs();
  await pass();
  cpu.push(cpuMs() - c);
  wall.push(performance.now() - w);
}
const report: WorkerReport = { side, tickets: examples.tickets.length, wall, cpu };
process.send?.(report);
