import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataKeyRing, DataKeyError, isSealed } from './data-key-ring';
import { dataKeyRingFromEnv } from './data-key-settings';
import { DATA_KEY_FILE } from './key-file';
import { resolveDataKeys } from './resolve-data-keys';

describe('the data key ring', () => {
  const [a, b] = [randomBytes(32), randomBytes(32)];

  it('seals with a fresh IV under the current key id, opens with any key of the ring, passes clear values through', () => {
    const ring = createDataKeyRing(a);
    const sealed = ring.seal('王女士', 'customer');
    expect(sealed).toMatch(new RegExp(`^v1:${ring.current.id}:[A-Za-z0-9+/]+=*$`));
    expect(ring.seal('王女士', 'customer')).not.toBe(sealed);
    expect(isSealed(sealed)).toBe(true);
    expect(ring.seal('', 'customer')).toBe('');
    const rotated = createDataKeyRing(b, [a]);
    expect(rotated.open(sealed, 'customer')).toBe('王女士');
    expect(rotated.isCurrent(sealed)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('x', 'customer'))).toBe(true);
    expect(rotated.open('written before encryption', 'customer')).toBe('written before encryption');
  });

  it('refuses a value of a key not in the ring, another purpose, or altered', () => {
    const sealed = createDataKeyRing(a).seal('13812345678', 'customer');
    expect(() => createDataKeyRing(b).open(sealed, 'customer')).toThrow(DataKeyError);
    expect(() => createDataKeyRing(a).open(sealed, 'secret:X')).toThrow(/altered/);
    const altered = `${sealed.slice(0, -4)}AAA=`;
    expect(() => createDataKeyRing(a).open(altered, 'customer')).toThrow(DataKeyError);
  });

  it('reads SWITCHYARD_DATA_KEY (base64 or hex) and SWITCHYARD_DATA_KEY_PREVIOUS, naming a bad variable', () => {
    const ring = dataKeyRingFromEnv({ SWITCHYARD_DATA_KEY: b.toString('hex'), SWITCHYARD_DATA_KEY_PREVIOUS: ` ${a.toString('base64')} ,` });
    expect(ring?.previous.map((k) => k.id)).toEqual([createDataKeyRing(a).current.id]);
    expect(dataKeyRingFromEnv({})).toBeUndefined();
    expect(() => dataKeyRingFromEnv({ SWITCHYARD_DATA_KEY: 'short' })).toThrow(/SWITCHYARD_DATA_KEY must be 32 bytes/);
    expect(() => dataKeyRingFromEnv({ SWITCHYARD_DATA_KEY_PREVIOUS: a.toString('hex') })).toThrow(/SWITCHYARD_DATA_KEY is not/);
  });
});

describe('the key a server starts with', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });

  it('generates one beside the PGlite folder (mode 0600), says where, and reuses it on the next start', () => {
    const first = resolveDataKeys({}, { dataDir: join(dir, 'pglite') }, logger);
    const path = join(dir, DATA_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toEqual(first.current.key);
    expect(lines.join('')).toContain(`generated a data key into ${path}`);
    expect(resolveDataKeys({}, { dataDir: join(dir, 'pglite') }, logger).current.id).toBe(first.current.id);
  });

  it('refuses to start on PostgreSQL without SWITCHYARD_DATA_KEY, and takes the environment first', () => {
    expect(() => resolveDataKeys({}, { databaseUrl: 'postgres://db/switchyard' }, logger)).toThrow(
      /SWITCHYARD_DATA_KEY is not set: with DATABASE_URL every server and worker must share one data key/,
    );
    const key = randomBytes(32);
    const ring = resolveDataKeys({ SWITCHYARD_DATA_KEY: key.toString('base64') }, { databaseUrl: 'postgres://db/x' }, logger);
    expect(ring.current.key).toEqual(key);
  });
});
