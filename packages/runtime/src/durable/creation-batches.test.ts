import { describe, expect, it } from 'vitest';
import { createCreationBatches } from './creation-batches';
import type { TicketToOpen } from './open-tickets';

const ticket = (subject: string): TicketToOpen => ({
  ticket: { channel: 'chat', subject, body: '', customer: { id: 'c1' } },
  actor: 'test',
});

/** A fake writer that records each batch's subjects and answers when the test lets it. */
function recordingWriter(fail: (subject: string) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const openAll = (tickets: readonly TicketToOpen[]) => {
    batches.push(tickets.map((t) => t.ticket.subject));
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    return new Promise<{ id: string; number: string }[]>((resolve, reject) => {
      pending.push(() => {
        inFlight--;
        if (tickets.some((t) => fail(t.ticket.subject))) reject(new Error('a row this ticket cannot write'));
        else resolve(tickets.map((t) => ({ id: `id-${t.ticket.subject}`, number: `n-${t.ticket.subject}` })));
      });
    });
  };
  /** Answers every batch started so far once the event loop has turned (the batches start after a turn). */
  const answerAll = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    pending.splice(0).forEach((answer) => answer());
  };
  return { openAll, batches, answerAll, mostInFlight: () => mostInFlight };
}

// Issue 22: concurrent creators share transactions; the callers one batch answers come back together.
describe('creation batches', () => {
  it('shares the callers of one turn among the free transactions and answers each its own ticket', async () => {
    const writer = recordingWriter();
    const batches = createCreationBatches(writer.openAll);
    const answers = Array.from({ length: 8 }, (_, i) => batches.open(ticket(`t${i}`)));
    await writer.answerAll();
    expect(writer.batches).toEqual([
      ['t0', 't1', 't2', 't3'],
      ['t4', 't5', 't6', 't7'],
    ]);
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 8 }, (_, i) => ({ id: `id-t${i}`, number: `n-t${i}` })));
  });

  it('keeps at most two transactions in flight; the callers behind them go together into the next free one', async () => {
    const writer = recordingWriter();
    const batches = createCreationBatches(writer.openAll);
    const first = [batches.open(ticket('a')), batches.open(ticket('b'))];
    await new Promise((resolve) => setImmediate(resolve));
    const behind = ['c', 'd', 'e'].map((s) => batches.open(ticket(s)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.batches).toEqual([['a'], ['b']]);
    await writer.answerAll();
    await Promise.all(first);
    await writer.answerAll();
    await Promise.all(behind);
    expect(writer.batches.slice(2).flat().sort()).toEqual(['c', 'd', 'e']);
    expect(writer.mostInFlight()).toBe(2);
  });

  it('opens a lone caller’s ticket alone, without waiting for others', async () => {
    const writer = recordingWriter();
    const batches = createCreationBatches(writer.openAll);
    const alone = batches.open(ticket('solo'));
    await writer.answerAll();
    expect(await alone).toEqual({ id: 'id-solo', number: 'n-solo' });
    expect(writer.batches).toEqual([['solo']]);
  });

  it('tries a failed batch again one ticket at a time, so only the ticket that cannot be written fails', async () => {
    const writer = recordingWriter((subject) => subject === 'bad');
    const batches = createCreationBatches(writer.openAll);
    const answers = ['ok1', 'bad', 'ok2'].map((s) =>
      batches.open(ticket(s)).then(
        (opened) => opened.number,
        (error: unknown) => (error instanceof Error ? error.message : 'failed'),
      ),
    );
    // The two first batches fail or succeed; the retries one by one need more turns.
    for (let turn = 0; turn < 4; turn++) await writer.answerAll();
    expect(await Promise.all(answers)).toEqual(['n-ok1', 'a row this ticket cannot write', 'n-ok2']);
  });
});
