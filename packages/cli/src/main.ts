import { processIo } from './cli-io';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), processIo());
// Let piped output drain before exiting; process.exit would cut it short otherwise.
await new Promise<void>((done) => process.stdout.write('', () => done()));
process.exit(code);
