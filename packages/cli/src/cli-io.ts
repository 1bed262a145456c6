import { readFile } from 'node:fs/promises';

/**
 * Everything the CLI touches outside itself, so tests run commands in-process with
 * captured output and the real entry point passes the process.
 */
export interface CliIo {
  /** Directory that relative file arguments and `switchyard.config.ts` are resolved from. */
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file by absolute path; the file system when absent. */
  readFile?(path: string): Promise<string>;
  /** Colour the readable report (the real entry point sets it when stdout is a TTY). */
  readonly color?: boolean;
  /** Where the default language comes from (LC_ALL, LC_MESSAGES, LANG); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Reads a file through the io, falling back to the file system. */
export function readThroughIo(io: CliIo, path: string): Promise<string> {
  return io.readFile ? io.readFile(path) : readFile(path, 'utf8');
}

/**
 * The io of the running process.
 * @example process.exit(await runCli(process.argv.slice(2), processIo()));
 */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY && !('NO_COLOR' in process.env),
    env: process.env,
  };
}
