import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

/** One request the server received, in arrival order. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent (`/track/DD1?full=1`). */
  readonly url: string;
  /** Lower-cased header names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The raw body; `''` when there was none. */
  readonly text: string;
  /** The body parsed as JSON, else the raw text when it is not JSON, else `undefined` when empty. */
  readonly body: unknown;
}

/** What the server answers with. */
export interface TestHttpAnswer {
  /** 200 when absent. */
  readonly status?: number;
  /** Sent as JSON with `content-type: application/json`; no body when absent. */
  readonly body?: unknown;
  /** Waits this long before answering; `Infinity` never answers, for timeout and abort tests. */
  readonly delayMs?: number;
  /** More headers (`location` for a redirect). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Picks the answer per request, e.g. by path or from what was sent. */
export type TestHttpHandler = (request: RecordedRequest) => TestHttpAnswer;

/** A running test server; see {@link startTestHttpServer}. */
export interface TestHttpServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** `127.0.0.1:<port>`: what a test lists in `createTestContext({ httpAllow })` so the node may call it (loopback is refused otherwise). */
  readonly host: string;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Replaces the answer for the requests that follow. */
  answerWith(answer: TestHttpAnswer | TestHttpHandler): void;
  /** Drops open connections (including unanswered requests) and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port) that records every request and
 * answers with what the test says, so a node that calls a service is tested over real
 * sockets, not a mocked `fetch`. Answers 200 with no body until told otherwise.
 * @example
 * const server = await startTestHttpServer({ status: 200, body: { suspended: true } });
 * await myNode.run(createTestContext({ httpAllow: [server.host] }), parseConfig(myNode, { serviceUrl: server.url }));
 * expect(server.requests[0]).toMatchObject({ method: 'POST', body: { customerId: 'C1' } });
 * server.answerWith({ status: 503 });
 * await server.close();
 */
export async function startTestHttpServer(answer: TestHttpAnswer | TestHttpHandler = {}): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  let handler = toHandler(answer);

  const server = createServer((req, res) => {
    void readText(req).then((text) => {
      const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, text, body: parseBody(text) };
      requests.push(request);
      let chosen: TestHttpAnswer;
      try {
        chosen = handler(request);
      } catch (error) {
        // A throwing handler must fail the test visibly, not leave the client waiting.
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
        return;
      }
      respond(res, chosen);
    });
  });
  // Idle connections stay open until close(): a server closing an idle socket just as the
  // client reuses it makes a request fail with ECONNRESET at random, a race tests must not see.
  server.keepAliveTimeout = 0;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test http server has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    host: `127.0.0.1:${address.port}`,
    requests,
    answerWith: (next) => {
      handler = toHandler(next);
    },
    close: async () => {
      // Unanswered requests keep their sockets open; close() alone would wait for them forever.
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function toHandler(answer: TestHttpAnswer | TestHttpHandler): TestHttpHandler {
  return typeof answer === 'function' ? answer : () => answer;
}

function respond(res: ServerResponse, answer: TestHttpAnswer): void {
  const { status = 200, body, delayMs = 0, headers = {} } = answer;
  const send = () => {
    if (body === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  if (delayMs === Number.POSITIVE_INFINITY) return;
  if (delayMs <= 0) {
    send();
    return;
  }
  const timer = setTimeout(send, delayMs);
  // The client may give up first (timeout, abort); then there is nobody left to answer.
  res.on('close', () => clearTimeout(timer));
}

async function readText(req: IncomingMessage): Promise<string> {
  req.setEncoding('utf8');
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
