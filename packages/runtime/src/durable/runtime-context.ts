import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';

/** What every runtime operation needs: the store, the installed nodes, the time and a logger. */
export interface RuntimeContext {
  readonly db: Kysely<Database>;
  readonly registry: NodeRegistry;
  readonly clock: Clock;
  readonly logger: Logger;
}
