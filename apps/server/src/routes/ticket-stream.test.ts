import { serve } from '@hono/node-server';
import { StreamEvent, TicketCreatedResponse } from '@switchyard/api';
import { createTicketFeed, type TicketChange, type TicketFeed } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { TEST_ADMIN_TOKEN, type TestApp, type TestCaller, testApp } from '../__fixtures__/test-app';

/** A feed that counts its listeners: an open stream holds one, a closed one must let go of it. */
function countedFeed(): TicketFeed & { readonly listeners: () => number } {
  const feed = createTicketFeed();
  let listeners = 0;
  return {
    publish: (change) => feed.publish(change),
    subscribe(listener) {
      listeners += 1;
      const unsubscribe = feed.subscribe(listener);
      return () => {
        listeners -= 1;
        unsubscribe();
      };
    },
    listeners: () => listeners,
  };
}

interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/** A client of `GET /api/stream` over real HTTP: the messages as they arrive, and a way to hang up. */
async function openStream(url: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/stream`, {
    headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  let buffer = '';
  const reading = (async () => {
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trim())
              .join('\n');
          if (field('event')) messages.push({ event: field('event'), data: field('data') });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // hung up by `close`
    }
  })();
  return {
    response,
    messages,
    /** The ticket events received so far, parsed as the route declares them. */
    tickets: () => messages.filter((m) => m.event === 'ticket').map((m) => StreamEvent.parse(JSON.parse(m.data))),
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

/** Waits for `check` to hold (a real server and socket in between: no fixed sleep is enough on a loaded machine). */
async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabases)('GET /api/stream, the live relay, over real HTTP on $name (issue 18)', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  const feed = countedFeed();
  let t: TestApp;
  let url = '';
  let close: () => Promise<void> = async () => {};
  let agent: TestCaller;
  let ops: TestCaller;
  const tickets = { afterSales: '', logistics: '' };

  beforeAll(async () => {
    t = testApp(store, { ticketFeed: feed });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no port');
    url = `http://127.0.0.1:${address.port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    agent = await t.as({ roles: ['agent'], groups: ['after_sales'], agentId: 'li-na' });
    ops = await t.as({ roles: ['ops'], groups: ['after_sales'] });
    for (const group of ['after_sales', 'logistics'] as const) {
      const created = expectBody(
        await t.call('POST', '/api/tickets', { channel: 'chat', subject: `${group} 工单`, body: '在吗', customer: { id: 'C5005' } }),
        TicketCreatedResponse,
      );
      await store.db.updateTable('tickets').set({ group }).where('id', '=', created.id).execute();
      tickets[group === 'after_sales' ? 'afterSales' : 'logistics'] = created.id;
    }
  }, 60_000);
  afterAll(async () => {
    // A stream left open would keep the server from closing.
    await close();
  });

  const change = (ticketId: string, kind: string): TicketChange => ({ ticketId, kind, at: '2026-05-01T01:00:00.000Z' });

  it('relays a published change to a reading client; an agent gets only the tickets of their groups, the admin every one', async () => {
    const own = await openStream(url, agent.token);
    const all = await openStream(url, TEST_ADMIN_TOKEN);
    expect(own.response.status).toBe(200);
    expect(own.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await until(() => own.messages.some((m) => m.event === 'ready') && all.messages.some((m) => m.event === 'ready'), 'ready');
    expect(feed.listeners()).toBe(2);

    // Out of the agent's reach first, then a ticket of their group, then one that does not exist: changes reach a
    // client in the order published, so once the agent holds the second, the first was already passed over.
    feed.publish(change(tickets.logistics, 'transfer'));
    feed.publish(change(tickets.afterSales, 'reply'));
    feed.publish(change('no-such-ticket', 'changed'));
    feed.publish(change(tickets.afterSales, 'note'));
    await until(() => own.tickets().length >= 2 && all.tickets().length >= 3, 'the relayed changes');
    expect(own.tickets()).toEqual([change(tickets.afterSales, 'reply'), change(tickets.afterSales, 'note')]);
    expect(all.tickets()).toEqual([
      change(tickets.logistics, 'transfer'),
      change(tickets.afterSales, 'reply'),
      change(tickets.afterSales, 'note'),
    ]);

    // Hanging up lets go of the feed.
    await own.close();
    await all.close();
    await until(() => feed.listeners() === 0, 'the streams to unsubscribe');
  });

  it('an agent action through the API reaches the stream of whoever may see the ticket', async () => {
    const own = await openStream(url, agent.token);
    await until(() => own.messages.some((m) => m.event === 'ready'), 'ready');
    const took = await agent.call('POST', `/api/tickets/${tickets.afterSales}/take`, {});
    expect(took.status).toBe(200);
    await until(() => own.tickets().some((c) => c.ticketId === tickets.afterSales), 'the take');
    await own.close();
  });

  it('refuses what the route refuses: no tickets.read 403, no credentials 401, no event-stream Accept 400', async () => {
    const refused = await openStream(url, ops.token);
    expect(refused.response.status).toBe(403);
    await refused.close();
    expect((await fetch(`${url}/api/stream`, { headers: { accept: 'text/event-stream' } })).status).toBe(401);
    expect((await fetch(`${url}/api/stream`, { headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(400);
    expect(feed.listeners()).toBe(0);
  });
});
