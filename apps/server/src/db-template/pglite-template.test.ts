import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@switchyard/runtime';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../start-server';
import { seedDataDirFromTemplate, templateDir } from './pglite-template';

const scratch = mkdtempSync(join(tmpdir(), 'switchyard-template-test-'));
const cache = join(scratch, 'cache');
const logger = pino({ level: 'silent' });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the migrated PGlite template', () => {
  it('is made once; a new data folder starts as a migrated copy, a used one is left alone', { timeout: 240_000 }, async () => {
    const first = join(scratch, 'first');
    expect(await seedDataDirFromTemplate(first, REPO_ROOT, logger, cache)).toBe(true);
    expect(readdirSync(cache)).toEqual([templateDir(REPO_ROOT, cache).slice(cache.length + 1)]);
    const store = await openDatabase({ dataDir: first });
    try {
      // The copy holds the schema already: the migrations are recorded as run.
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['0001-initial', '0013-flow-error-index']));
      expect(await store.db.selectFrom('flows').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
    }
    const used = join(scratch, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'keep.txt'), 'mine');
    expect(await seedDataDirFromTemplate(used, REPO_ROOT, logger, cache)).toBe(false);
    expect(readdirSync(used)).toEqual(['keep.txt']);
    expect(await seedDataDirFromTemplate(first, REPO_ROOT, logger, cache)).toBe(false);
  });
});
