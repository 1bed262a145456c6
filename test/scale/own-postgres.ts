import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@switchyard/runtime/testing';

const run = promisify(execFile);
/** PostgreSQL's server binaries: SWITCHYARD_PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin. */
const PG_BIN = process.env.SWITCHYARD_PG_BIN ?? debianPgBin();

function debianPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
  return join(root, newest, 'bin');
}

/** A PostgreSQL cluster of a test's own, which it may stop and restart without disturbing other tests. */
export interface OwnPostgres {
  /** `postgres://<user>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** `pg_ctl stop -m fast`: every session is ended (57P01) and new connections are refused. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops the cluster for good and removes its folder. */
  destroy(): Promise<void>;
}

/** Whether the binaries are there (the test is skipped on a machine without them). */
export const ownPostgresAvailable = existsSync(join(PG_BIN, 'initdb'));

/**
 * initdb into a temporary folder and start it on a free port of 127.0.0.1, trust auth, no
 * fsync (a test cluster). initdb refuses root, so as root it runs as the `postgres` user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pg-'));
  if (asRoot) chownSync(dir, ...postgresIds());
  const data = join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: readonly string[]) => {
    const command = join(PG_BIN, tool);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, [...args]);
  };
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=100`;
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);
  const start = async () => {
    await pg('pg_ctl', ['start', '-D', data, '-w', '-l', join(dir, 'log'), '-o', options]);
  };
  const stop = async () => {
    await pg('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
  };
  await start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await pg('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}
