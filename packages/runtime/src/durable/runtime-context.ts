import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import type { SecretSettings } from '../secrets/secret-settings';
import type { MessageGateway } from './message-gateway';
import type { RuntimeMetrics } from '../metrics/runtime-metrics';

/** What every runtime operation needs: the store, the installed nodes, the time and a logger. */
export interface RuntimeContext {
  readonly db: Kysely<Database>;
  readonly registry: NodeRegistry;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Where flows' messages go out (SWITCHYARD_MESSAGE_GATEWAY); without it they stay in the ticket's conversation. */
  readonly messageGateway?: MessageGateway | undefined;
  /** Where secrets come from besides the table, and its key; this process's environment when absent. */
  readonly secrets?: SecretSettings | undefined;
  /** Seals customer data and secrets at rest; this process's `SWITCHYARD_DATA_KEY` when absent. */
  readonly dataKeys?: DataKeyRing | undefined;
  /**
   * Hosts (`name` or `name:port`) flows' HTTP calls may reach although they are loopback, private
   * or link-local; every other internal address is refused. This process's SWITCHYARD_HTTP_ALLOW when absent.
   */
  readonly httpAllow?: readonly string[] | undefined;
  /** Where this process counts applied events, timers and creations for `GET /metrics`; nothing is counted when absent. */
  readonly metrics?: RuntimeMetrics | undefined;
}
