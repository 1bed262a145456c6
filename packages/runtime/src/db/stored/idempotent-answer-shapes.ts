import { EventAccepted, TicketCreatedResponse } from '@switchyard/api';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/**
 * What `idempotency_keys.response` keeps: the body of the first answer to a keyed request, as
 * the API gave it, replayed to a retry with the same key. Version 1; no older rows exist.
 */
export const ticketCreatedAnswerShape = defineStoredShape({
  name: 'ticket-created-answer',
  version: 1,
  schema: TicketCreatedResponse,
  migrations: [sameShape],
});

/** The first answer to a keyed `POST /api/tickets/{id}/events` (see `ticketCreatedAnswerShape`). */
export const eventAcceptedAnswerShape = defineStoredShape({
  name: 'event-accepted-answer',
  version: 1,
  schema: EventAccepted,
  migrations: [sameShape],
});
