import { createSafeLogger } from '@switchyard/runtime';
import { REPO_ROOT } from '../start-server';
import { ensureTemplate } from './pglite-template';

/*
 * `pnpm install` runs this (the root `postinstall`): the embedded database's migrated template
 * is made once, so the first `pnpm start` of a fresh clone copies it instead of waiting for
 * PGlite's initdb. It never fails an install: without the template, a start makes it itself.
 * SWITCHYARD_SKIP_DB_TEMPLATE=1 skips it.
 */
if (process.env.SWITCHYARD_SKIP_DB_TEMPLATE !== '1') {
  const logger = createSafeLogger('info');
  try {
    await ensureTemplate(REPO_ROOT, logger);
    logger.info('embedded database template ready');
  } catch (error) {
    logger.warn({ err: error }, 'could not make the embedded database template; the first start makes it');
  }
}
