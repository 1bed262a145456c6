import type { StreamEvent } from '@switchyard/api';

/** A change to one ticket, for the console's live lists. */
export type TicketChange = StreamEvent;

/**
 * The ticket changes of this process: agent actions publish here, and so do the database's
 * ticket notifications (`tickets_changed`, migration 0015: every write by any process's
 * worker), which the server relays. `GET /api/stream` subscribes once per open page.
 */
export interface TicketFeed {
  publish(change: TicketChange): void;
  /** Resolves nothing; returns a function that unsubscribes. */
  subscribe(listener: (change: TicketChange) => void): () => void;
}

export function createTicketFeed(): TicketFeed {
  const listeners = new Set<(change: TicketChange) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
