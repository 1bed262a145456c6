import type { OutboundMessage } from '@switchyard/nodes';

/** Where composed messages go out to a channel: an HTTP endpoint of the team's messaging gateway. */
export interface MessageGateway {
  readonly url: string;
  /** Sent as `authorization: Bearer <token>` when set. */
  readonly token?: string | undefined;
}

/** What the gateway receives: the message, the ticket it belongs to, and the key to deduplicate on. */
export interface GatewayDelivery {
  readonly ticketId: string;
  readonly ticketNumber: string;
  readonly idempotencyKey: string;
  readonly message: OutboundMessage;
}

/**
 * Posts a message to the gateway; throws on a non-2xx answer so the outbox retries it.
 * The idempotency key goes in the `idempotency-key` header, as for every other effect.
 */
export async function sendToGateway(gateway: MessageGateway, delivery: GatewayDelivery, signal: AbortSignal): Promise<void> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': delivery.idempotencyKey,
      ...(gateway.token ? { authorization: `Bearer ${gateway.token}` } : {}),
    },
    body: JSON.stringify(delivery),
    signal,
  });
  if (!response.ok) throw new Error(`message gateway answered ${response.status} for POST ${gateway.url}`);
}
