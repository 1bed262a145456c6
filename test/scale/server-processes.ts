import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(import.meta.dirname, 'server-process.ts');

/** A running `server-process.ts`. */
export interface ServerProcess {
  readonly pid: number;
  /** Its base URL, once it serves. */
  readonly url: string;
  /** The `msg` of every log line so far, oldest first. */
  readonly messages: readonly string[];
  /** Whether it exited (it should not, until stopped). */
  readonly exited: boolean;
  /** SIGTERM, then waits for its exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts one server process on `databaseUrl` and waits until it serves; its output is kept and shown if it exits early. */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const messages: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output = (output + line + '\n').slice(-20_000);
      let entry: { msg?: unknown; url?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return; // not a log line
      }
      if (typeof entry.msg === 'string' && entry.msg !== 'request') messages.push(entry.msg);
      if (entry.msg === 'switchyard is serving' && typeof entry.url === 'string') resolve(entry.url);
    });
    void exit.then((code) => reject(new Error(`server process exited with ${code} before serving: ${output}`)));
  });
  return {
    pid: child.pid!,
    url,
    messages,
    get exited() {
      return exited;
    },
    async stop(timeoutMs = 20_000) {
      if (exited) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}
