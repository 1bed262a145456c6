import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowMetrics, Rollout } from '@switchyard/api';
import { sampleRollout } from '@switchyard/api/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/capture-io';
import { runCli } from '../run-cli';

/*
 * `switchyard rollout` and `promote` against a stand-in HTTP server that records what it is
 * sent and answers fixed bodies: bad options send nothing; a change reads the rollout first
 * and keeps its stable version. The real server is driven by test/cli-rollout.test.ts.
 */
const rollout: Rollout = sampleRollout({
  stable: 3,
  candidate: 4,
  percent: 10,
  guardrails: [{ metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 }],
  ramp: { steps: [10, 25, 50, 100], every: '1h', step: 0, nextStepAt: '2026-05-01T11:00:00.000Z' },
  history: [
    {
      at: '2026-05-01T10:00:00.000Z',
      actor: 'ops-li',
      kind: 'rollout.changed',
      from: { stable: 3, candidate: null, percent: 0 },
      to: { stable: 3, candidate: 4, percent: 10 },
      reason: '试 v4',
    },
  ],
});
const versionMetrics = (version: number, role: 'stable' | 'candidate', errors: number) => ({
  version,
  role,
  ticketsBound: 400,
  completed: 300,
  errors,
  slaBreaches: 8,
  escalations: 4,
  firstResponseMedianMs: 300_000,
  resolutionMedianMs: 7_200_000,
  csat: { responses: 40, average: 4.2, satisfiedPercent: 80 },
  rates: { completion: 75, error: errors / 4, slaBreach: 2, escalation: 1 },
});
const metrics: FlowMetrics = {
  flowId: 'intake',
  at: '2026-05-01T10:05:00.000Z',
  versions: [versionMetrics(3, 'stable', 4), versionMetrics(4, 'candidate', 20)],
  comparison: {
    stable: 3,
    candidate: 4,
    differences: [
      {
        metric: 'errorRate',
        unit: 'points',
        stable: 1,
        candidate: 5,
        difference: 4,
        low: 1.5,
        high: 6.5,
        pValue: 0.0004,
        method: 'two-proportion z-test',
        significant: true,
        better: false,
      },
      {
        metric: 'csat',
        unit: 'score',
        stable: 4.2,
        candidate: 4.3,
        difference: 0.1,
        low: -0.2,
        high: 0.4,
        pValue: 0.41,
        method: 'welch',
        significant: false,
        better: null,
      },
    ],
  },
};

let server: Server;
let url: string;
const received: { method: string; path: string; body: unknown }[] = [];
/** Answers by "METHOD path"; anything else is a 404. */
let answers: Record<string, { status: number; body: unknown }> = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', body: text ? (JSON.parse(text) as unknown) : undefined });
      const answer = answers[`${request.method} ${request.url}`] ?? { status: 404, body: { error: 'not found' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
beforeEach(() => {
  received.length = 0;
  answers = {};
});

const cli = async (...argv: string[]) => {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
};

describe('switchyard rollout', () => {
  it.each([
    [['--guardrail', 'errorRate<2'], '--guardrail errorRate<2: expected <metric>><percent>'],
    [['--guardrail', 'latency>2'], '--guardrail latency>2: unknown metric "latency"'],
    [['--percent', '150'], '--percent 150: expected a whole number from 0 to 100'],
    [['--ramp', '50,10', '--every', '1h'], '--ramp 50,10: steps must rise'],
    [['--ramp', '10,50'], '--every: give the wait between ramp steps'],
    [['--ramp', '10,50', '--every', 'later'], '--every later: expected a duration'],
    [['--rollback', '--candidate', '2'], '--rollback: cannot be combined with --candidate'],
    [['--percent'], "Option '--percent'"],
    [['--migrate', '4'], '--migrate 4: expected <from>:<to> version numbers'],
    [['--migrate', '3:3'], '--migrate 3:3: the two versions must differ'],
    [['--migrate', '4:3', '--percent', '0'], '--migrate: cannot be combined with --percent'],
    [['--migrate', '4:3', '--rollback'], '--migrate: cannot be combined with --rollback'],
  ])('refuses %j naming the option, and sends nothing', async (options, message) => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
    const result = await cli('rollout', 'intake', ...options, '--server', url);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
    expect(received).toEqual([]);
  });

  it('needs a server and one flow id', async () => {
    expect(await cli('rollout', 'intake')).toMatchObject({ code: 2, err: expect.stringContaining('give --server <url>') as string });
    expect(await cli('rollout', '--server', url)).toMatchObject({ code: 2, err: expect.stringContaining('give the flow id') as string });
    expect(received).toEqual([]);
  });

  it('prints the rollout, its ramp, guardrails, history and the comparison', async () => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
    answers['GET /api/flows/intake/metrics'] = { status: 200, body: metrics };
    const { code, out } = await cli('rollout', 'intake', '--server', url);
    expect(code).toBe(0);
    expect(out).toContain('Flow intake: stable v3 · candidate v4 at 10%');
    expect(out).toContain('Ramp: 10 -> 25 -> 50 -> 100 every 1h · step 1 of 4 · next at 2026-05-01T11:00:00.000Z');
    expect(out).toContain('Guardrails: slaBreachRate>+5@200');
    expect(out).toMatch(
      /2026-05-01T10:00:00.000Z {2}ops-li {2}rollout.changed {2}stable v3, no candidate -> stable v3 · candidate v4 at 10% {2}试 v4/,
    );
    expect(out).toMatch(/v4 +candidate +400 +300 \(75%\) +20 \(5%\)/);
    expect(out).toMatch(/errorRate +1% +5% +\+4 pts +\+1\.5 … \+6\.5 pts +<0\.001 +worse/);
    expect(out).toMatch(/csat +4\.2 +4\.3 +\+0\.1 +-0\.2 … \+0\.4 +0\.410 +not significant yet/);
  });

  it('says which guardrail rolled the candidate back, and what it saw', async () => {
    const tripped = {
      guardrail: { metric: 'errorRate', above: 2, minTickets: 50 },
      candidateRate: 5.25,
      stableRate: 1.1,
      candidateTickets: 230,
      at: '2026-05-01T09:00:00.000Z',
    };
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: { ...rollout, percent: 0, tripped } };
    answers['GET /api/flows/intake/metrics'] = { status: 500, body: { error: 'metrics broke' } };
    const { code, out } = await cli('rollout', 'intake', '--server', url);
    expect(code).toBe(0);
    expect(out).toContain(
      'GUARDRAIL TRIPPED at 2026-05-01T09:00:00.000Z: errorRate>2@50 saw 5.3% (stable 1.1%) over 230 tickets; the candidate was rolled back to 0%',
    );
    // The numbers failing does not hide the rollout.
    expect(out).toContain('Metrics unavailable: metrics broke');
  });

  it('says when the flow is not deployed, exit 1', async () => {
    const result = await cli('rollout', 'intake', '--server', url, '--lang', 'zh-CN');
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('流程 intake 尚未部署') as string });
  });

  it('reads the rollout first and keeps its stable when only the candidate and share are given', async () => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
    answers['PUT /api/flows/intake/rollout'] = { status: 200, body: { ...rollout, candidate: 5, percent: 25 } };
    const result = await cli(
      'rollout',
      'intake',
      '--candidate',
      '5',
      '--percent',
      '25',
      '--guardrail',
      'errorRate>2',
      '--reason',
      'v5',
      '--server',
      url,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/flows/intake/rollout', 'PUT /api/flows/intake/rollout']);
    // The change names the revision it was read at: if someone changed the rollout since, the server refuses it.
    expect(received[1]!.body).toEqual({
      stable: 3,
      candidate: 5,
      percent: 25,
      guardrails: [{ metric: 'errorRate', above: 2 }],
      reason: 'v5',
      revision: 1,
    });
    expect((JSON.parse(result.out) as Rollout).percent).toBe(25);
  });

  it("shows the server's refusal field by field, exit 1", async () => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
    answers['PUT /api/flows/intake/rollout'] = {
      status: 400,
      body: { error: 'invalid request', details: [{ path: 'candidate', message: 'version 9 is not published' }] },
    };
    const result = await cli('rollout', 'intake', '--candidate', '9', '--server', url);
    expect(result).toMatchObject({
      code: 1,
      err: 'the server refused it (400): invalid request\n  candidate: version 9 is not published\n',
    });
  });

  it('rolls back with a reason', async () => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
    answers['POST /api/flows/intake/rollout/rollback'] = { status: 200, body: { ...rollout, percent: 0, ramp: null } };
    const result = await cli('rollout', 'intake', '--rollback', '--reason', 'errors up', '--server', url);
    expect(result.code).toBe(0);
    expect(received.slice(1)).toEqual([
      { method: 'POST', path: '/api/flows/intake/rollout/rollback', body: { reason: 'errors up', revision: 1 } },
    ]);
    expect(result.out).toContain('candidate rolled back to 0%');
  });
});

describe('switchyard rollout --migrate', () => {
  const migratePath = 'POST /api/flows/intake/rollout/migrate';
  beforeEach(() => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
  });

  it('moves the open tickets of one version to another and prints how many', async () => {
    answers[migratePath] = { status: 200, body: { migrated: 2, tickets: ['T-1', 'T-2'] } };
    const result = await cli('rollout', 'intake', '--migrate', '4:3', '--reason', 'v4 breaks', '--server', url);
    expect(result).toMatchObject({ code: 0, out: 'flow intake: 2 open ticket(s) moved from v4 to v3\n' });
    expect(received.slice(1)).toEqual([
      { method: 'POST', path: '/api/flows/intake/rollout/migrate', body: { from: 4, to: 3, revision: 1, reason: 'v4 breaks' } },
    ]);
  });

  it('lists each refused ticket of a 409 and exits 1', async () => {
    answers[migratePath] = {
      status: 409,
      body: {
        error: '2 ticket(s) rest where version 3 has no counterpart; nothing was migrated',
        details: [
          { path: 'tickets.T-1', message: 'rests in node "wait" (wait_for_event), which version 3 does not have' },
          { path: 'tickets.T-7', message: 'rests in node "tag" (add_tag), which is a end node in version 3' },
        ],
      },
    };
    const result = await cli('rollout', 'intake', '--migrate', 'v4:v3', '--server', url);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'nothing was migrated: 2 ticket(s) rest in a node v3 does not have (or has as another type):\n' +
        '  T-1: rests in node "wait" (wait_for_event), which version 3 does not have\n' +
        '  T-7: rests in node "tag" (add_tag), which is a end node in version 3\n',
    );
  });

  it('shows a 400 field by field, exit 1', async () => {
    answers[migratePath] = {
      status: 400,
      body: { error: 'invalid request', details: [{ path: 'to', message: 'flow intake has no published version 9' }] },
    };
    const result = await cli('rollout', 'intake', '--migrate', '4:9', '--server', url, '--lang', 'zh-CN');
    expect(result).toMatchObject({ code: 1, err: '服务器拒绝（400）：invalid request\n  to: flow intake has no published version 9\n' });
  });
});

describe('switchyard promote', () => {
  beforeEach(() => {
    answers['GET /api/flows/intake/rollout'] = { status: 200, body: rollout };
  });
  it('promotes the candidate', async () => {
    answers['POST /api/flows/intake/rollout/promote'] = {
      status: 200,
      body: { ...rollout, stable: 4, candidate: null, percent: 0, ramp: null },
    };
    const result = await cli('promote', 'intake', '--server', url);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('flow intake: v4 is now stable') as string });
    expect(received).toEqual([
      { method: 'GET', path: '/api/flows/intake/rollout', body: undefined },
      { method: 'POST', path: '/api/flows/intake/rollout/promote', body: { revision: 1 } },
    ]);
  });

  it('exits 1 when there is no candidate', async () => {
    answers['POST /api/flows/intake/rollout/promote'] = { status: 409, body: { error: 'the rollout has no candidate' } };
    expect(await cli('promote', 'intake', '--server', url)).toMatchObject({
      code: 1,
      err: 'the server refused it (409): the rollout has no candidate\n',
    });
  });

  it('promotes the revision given, and on a 409 says someone changed the rollout and shows it now, in both languages', async () => {
    const now = {
      ...rollout,
      percent: 0,
      revision: 2,
      history: [{ ...rollout.history[0]!, kind: 'rollout.guardrail_tripped' as const, actor: 'guardrail' }],
    };
    answers['POST /api/flows/intake/rollout/promote'] = {
      status: 409,
      body: {
        error: 'the rollout changed',
        revision: 2,
        rollout: now,
        message: { en: 'the rollout changed since revision 1', 'zh-CN': '灰度发布在修订 1 之后已更改' },
      },
    };
    const result = await cli('promote', 'intake', '--revision', '1', '--server', url);
    expect(received[1]).toEqual({ method: 'POST', path: '/api/flows/intake/rollout/promote', body: { revision: 1 } });
    expect(result.code).toBe(1);
    expect(result.err).toContain('someone changed this rollout meanwhile (now revision 2); nothing was changed: reload');
    expect(result.err).toContain('Flow intake: stable v3 · candidate v4 at 0% (revision 2)');
    expect(result.err).toContain('guardrail');
    answers['PUT /api/flows/intake/rollout'] = answers['POST /api/flows/intake/rollout/promote'];
    const zh = await cli('rollout', 'intake', '--percent', '50', '--revision', '1', '--server', url, '--lang', 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('此期间他人更改了灰度发布（当前为修订 2）');
    expect(await cli('promote', 'intake', '--revision', 'latest', '--server', url)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--revision latest') as string,
    });
  });

  it('documents the guardrail syntax in rollout --help', async () => {
    const help = await cli('rollout', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('slaBreachRate>+5@200');
    expect((await cli('help', 'promote', '--lang', 'zh-CN')).out).toContain('用法：switchyard promote');
  });
});
