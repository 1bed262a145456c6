import { maskCustomerIn } from '@switchyard/api';
import { type ActionNode, createHttpClient, type LogFields, type NodeLogger, parseHttpAllow, secretsFrom } from '@switchyard/nodes';
import type { Logger } from 'pino';
import type { ActionServices } from '../engine/effect-runner';
import { readSecrets, SECRET_HINT } from '../secrets/read-secrets';
import { type Redactor, redactor } from '../secrets/redact-secrets';
import type { RuntimeContext } from './runtime-context';

/** Which effect a delivery runs, for the logger's bindings. */
export interface EffectLabel {
  readonly ticketId: string;
  readonly flowId: string;
  readonly nodeId: string;
  readonly idempotencyKey: string;
}

/** Services for one delivery, and the redactor that keeps the secrets it loaded out of everything it records. */
export interface EffectServices {
  readonly services: ActionServices;
  readonly redact: Redactor;
}

/**
 * Loads the secrets the node declared and builds its logger (a pino child bound to the
 * ticket, flow and node, secret values removed) and HTTP client (the node's timeout, the
 * delivery's signal, the effect's idempotency key, the destination guard with its allow list).
 */
export async function effectServices(
  ctx: RuntimeContext,
  def: ActionNode,
  label: EffectLabel,
  timeoutMs: number,
  signal: AbortSignal,
  /** The ticket's customer: their name and contact never reach the log, even inside a node's own message. */
  customer?: { readonly name: string; readonly contact?: string | undefined },
): Promise<EffectServices> {
  const declared = def.secrets ?? [];
  const values = await readSecrets(ctx, declared);
  const redact = redactor(Object.values(values));
  const child = ctx.logger.child({
    ticketId: label.ticketId,
    flowId: label.flowId,
    node: label.nodeId,
    nodeType: def.type,
    idempotencyKey: label.idempotencyKey,
  });
  return {
    redact,
    services: {
      signal,
      logger: nodeLogger(child, redact, customer),
      secrets: secretsFrom(values, { nodeType: def.type, declared, hint: SECRET_HINT }),
      http: createHttpClient({
        idempotencyKey: label.idempotencyKey,
        timeoutMs,
        signal,
        allow: ctx.httpAllow ?? parseHttpAllow(process.env.SWITCHYARD_HTTP_ALLOW),
      }),
    },
  };
}

/** A NodeLogger writing to pino, every line passed through `redact`, and the customer's name and contact masked. */
export function nodeLogger(
  logger: Logger,
  redact: Redactor,
  customer?: { readonly name: string; readonly contact?: string | undefined },
): NodeLogger {
  const mask = <T>(value: T): T => (customer ? maskCustomerIn(value, customer) : value);
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields: LogFields = {}) => {
      logger[level](mask(redact.fields(fields)), mask(redact.text(message)));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
