import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backtest } from '@switchyard/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';
import { progressBar } from './backtest';

/*
 * `switchyard backtest` against a stand-in server answering a job that runs, then ends: the
 * command starts it, follows it until it is no longer running, prints the differences, and exits
 * 1 when a ticket's replay disagreed with its history. The real server is driven by the route tests.
 */
const job = (over: Partial<Backtest>): Backtest => ({
  id: 'b1',
  flowId: 'intake-classify',
  version: null,
  status: 'running',
  from: '2026-04-24T00:00:00.000Z',
  to: '2026-05-01T00:00:00.000Z',
  limit: null,
  filter: {},
  total: 3,
  done: 1,
  differing: 0,
  replayErrors: 0,
  roster: 'recorded',
  error: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  createdBy: 'ops-li',
  finishedAt: null,
  byKind: [],
  differences: [],
  ...over,
});
const differing = { ticketId: 't2', number: 'GD2026050002', subject: '快递', kinds: ['category' as const], replayError: null };

let server: Server;
let url: string;
const received: { method: string; path: string; body: unknown }[] = [];
let polls: Backtest[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', body: text ? (JSON.parse(text) as unknown) : undefined });
      const answer =
        request.method === 'POST'
          ? { status: 202, body: { id: 'b1', total: 3 } }
          : { status: 200, body: polls.length > 1 ? polls.shift() : polls[0] };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
beforeEach(() => {
  received.length = 0;
});

const cli = async (...argv: string[]) => {
  const io = captureIo({ color: true });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
};
const WINDOW = ['--from', '2026-04-24T00:00:00+08:00', '--to', '2026-05-01T00:00:00+08:00'];

describe('switchyard backtest', () => {
  it('starts the job, follows it with a progress bar, and lists the differing tickets by kind', async () => {
    polls = [
      job({}),
      job({ status: 'done', done: 3, differing: 1, byKind: [{ kind: 'category', tickets: ['t2'] }], differences: [differing] }),
    ];
    const { code, out, err } = await cli('backtest', 'intake-classify', '--version', '2', ...WINDOW, '--server', url);
    expect(code).toBe(0);
    expect(received[0]).toMatchObject({
      method: 'POST',
      path: '/api/flows/intake-classify/backtest',
      body: { version: 2, from: '2026-04-23T16:00:00.000Z', to: '2026-04-30T16:00:00.000Z' },
    });
    expect(err).toContain('[##########--------------------] 1/3');
    expect(out).toContain('3 of 3 tickets replayed, 1 differ, 0 replay errors');
    expect(out).toContain('category: 1  GD2026050002');
  });

  it('exits 1 when a replay disagreed with production, naming the first difference', async () => {
    const replayError = { field: 'category', production: 'logistics', replay: 'inquiry' };
    polls = [job({ status: 'done', done: 3, replayErrors: 1, differences: [{ ...differing, kinds: [], replayError }] })];
    const { code, out } = await cli('backtest', 'intake-classify', ...WINDOW, '--server', url, '--json');
    expect(code).toBe(1);
    expect((JSON.parse(out) as Backtest).replayErrors).toBe(1);
    const text = await cli('backtest', 'intake-classify', ...WINDOW, '--server', url, '--lang', 'zh-CN');
    expect(text.out).toContain('回放错误 GD2026050002：category：生产 "logistics"，回放 "inquiry"');
  });

  it('refuses bad input before sending anything', async () => {
    expect((await cli('backtest', 'intake-classify', '--from', 'yesterday', '--to', 'now', '--server', url)).code).toBe(2);
    expect((await cli('backtest', 'intake-classify', ...WINDOW, '--version', '2', '--draft', 'x.json', '--server', url)).code).toBe(2);
    expect(received).toEqual([]);
  });

  it('draws the progress bar', () => {
    expect(progressBar(0, 4, 8)).toBe('[--------] 0/4');
    expect(progressBar(4, 4, 8)).toBe('[########] 4/4');
  });
});
