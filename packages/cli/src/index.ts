export { runCli } from './run-cli';
export { processIo } from './cli-io';
export type { CliIo } from './cli-io';
export { ExitCode } from './exit-code';
