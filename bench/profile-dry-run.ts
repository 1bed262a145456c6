import { loadExamples } from './examples';
import { makePasses } from './throughput-sides';

/*
 * Profiling aid, not part of `pnpm bench`: runs the dry-run benchmark's workload for a
 * few seconds so a CPU profile shows where the time goes.
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-dry-run.ts
 */
const examples = loadExamples();
const pass = makePasses(examples).switchyard;
const seconds = Number(process.argv[2] ?? 5);
const until = performance.now() + seconds * 1000;
let passes = 0;
while (performance.now() < until) {
  await pass();
  passes++;
}
console.log(`${passes} passes, ${Math.round((passes * examples.tickets.length) / seconds)} tickets/s`);
