import type { TicketToOpen } from './open-tickets';

/** Opens tickets for concurrent callers, several per transaction. */
export interface CreationBatches {
  open(ticket: TicketToOpen): Promise<{ id: string; number: string }>;
}

interface Waiting {
  readonly ticket: TicketToOpen;
  resolve(opened: { id: string; number: string }): void;
  reject(error: unknown): void;
}

/** Tickets per transaction at most, and transactions in flight at once (the rest of the pool serves the workers and reads). */
const MAX_BATCH = 256;
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for ticket creation: a caller's ticket goes into the next transaction as soon as
 * this turn of the event loop ends (`setImmediate`), when fewer than MAX_IN_FLIGHT are running
 * (a lone caller never waits for a batch to fill); otherwise it joins the tickets queued behind
 * them, and they open together when one ends
 * (one statement per table for all of them instead of one per ticket each). A failed batch
 * (a deadlock between two batches, a row one ticket cannot write) is tried again one ticket
 * per transaction, so a ticket fails only for its own reason.
 * @example const batches = createCreationBatches((tickets) => db.transaction().execute((trx) => openTickets(trx, ctx, tickets, month, now)));
 */
export function createCreationBatches(
  openAll: (tickets: readonly TicketToOpen[]) => Promise<{ id: string; number: string }[]>,
): CreationBatches {
  const queued: Waiting[] = [];
  let inFlight = 0;
  let flushing = false;

  async function run(batch: readonly Waiting[]): Promise<void> {
    try {
      const opened = await openAll(batch.map((w) => w.ticket));
      batch.forEach((w, i) => {
        const one = opened[i];
        if (one) w.resolve(one);
        else w.reject(new Error('a batch of tickets came back short'));
      });
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else
        await Promise.all(
          batch.map((w) =>
            openAll([w.ticket]).then(
              ([one]) => (one ? w.resolve(one) : w.reject(new Error('a ticket was not opened'))),
              (alone: unknown) => w.reject(alone),
            ),
          ),
        );
    }
  }

  function next(): void {
    while (inFlight < MAX_IN_FLIGHT && queued.length > 0) {
      // Shared among the free transactions: two batches of four rather than one of eight and an idle slot.
      const batch = queued.splice(0, Math.min(MAX_BATCH, Math.ceil(queued.length / (MAX_IN_FLIGHT - inFlight))));
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        flushSoon();
      });
    }
  }

  // The callers a finished batch answers come back in the same turn (a client's next ticket): started
  // at once, the first would go alone and the rest wait behind it; after the turn they share one batch.
  function flushSoon(): void {
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      next();
    });
  }

  return {
    open: (ticket) =>
      new Promise((resolve, reject) => {
        queued.push({ ticket, resolve, reject });
        flushSoon();
      }),
  };
}
