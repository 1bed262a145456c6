import { sampleRollout } from '@switchyard/api/testing';
import { describe, expect, it } from 'vitest';
import { CliInputError } from '../cli-input-error';
import { rolloutPlan, rolloutRequest } from './rollout-plan';

const current = sampleRollout({ stable: 3, candidate: 4, percent: 10 });

function problems(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CliInputError) return error.problems;
    throw error;
  }
  throw new Error('expected bad input');
}

describe('rolloutPlan', () => {
  it('shows the rollout when nothing is to change', () => {
    expect(rolloutPlan({}, 'en')).toEqual({ kind: 'show' });
  });

  it('reads a change', () => {
    expect(
      rolloutPlan({ candidate: '2', percent: '10%', guardrail: ['errorRate>2', 'slaBreachRate>+5@200'], reason: 'try v2' }, 'en'),
    ).toEqual({
      kind: 'change',
      change: {
        candidate: 2,
        percent: 10,
        guardrails: [
          { metric: 'errorRate', above: 2 },
          { metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 },
        ],
        reason: 'try v2',
      },
    });
    expect(rolloutPlan({ candidate: 'none', guardrail: ['none'], ramp: 'none' }, 'en')).toEqual({
      kind: 'change',
      change: { candidate: null, guardrails: [], ramp: null },
    });
  });

  it('reports every bad option at once, each by name', () => {
    const found = problems(() =>
      rolloutPlan({ stable: '0', candidate: 'two', percent: '120', guardrail: ['errorRate>2', 'latency>3'], every: '1h' }, 'en'),
    );
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/^--stable 0: /);
    expect(found[1]).toMatch(/^--candidate two: /);
    expect(found[2]).toMatch(/^--percent 120: /);
    expect(found[3]).toMatch(/^--every: only goes with --ramp/);
    expect(found[4]).toMatch(/^--guardrail latency>3: unknown metric "latency"/);
  });

  it('says it in Chinese too', () => {
    expect(problems(() => rolloutPlan({ percent: 'half' }, 'zh-CN'))).toEqual(['--percent half：应为 0 到 100 的整数']);
  });

  it('keeps --rollback apart from change options', () => {
    expect(rolloutPlan({ rollback: true, reason: 'errors' }, 'en')).toEqual({ kind: 'rollback', reason: 'errors' });
    expect(problems(() => rolloutPlan({ rollback: true, percent: '0' }, 'en'))).toEqual(['--rollback: cannot be combined with --percent']);
    expect(problems(() => rolloutPlan({ reason: 'why' }, 'en'))[0]).toMatch(/^--reason: nothing to change/);
  });
});

describe('rolloutRequest', () => {
  it('keeps the current stable and candidate when only the share changes', () => {
    expect(rolloutRequest(current, { percent: 25 }, 'intake', 'en')).toEqual({ stable: 3, candidate: 4, percent: 25 });
  });

  it('takes the versions the options name', () => {
    expect(rolloutRequest(current, { candidate: 5, percent: 10, reason: 'v5' }, 'intake', 'en')).toEqual({
      stable: 3,
      candidate: 5,
      percent: 10,
      reason: 'v5',
    });
    expect(rolloutRequest(current, { stable: 4, candidate: null }, 'intake', 'en')).toEqual({ stable: 4, candidate: null });
  });

  it('deploys a flow that is not deployed only with --stable', () => {
    expect(rolloutRequest(undefined, { stable: 1 }, 'intake', 'en')).toEqual({ stable: 1, candidate: null });
    expect(problems(() => rolloutRequest(undefined, { candidate: 2, percent: 10 }, 'intake', 'en'))[0]).toMatch(
      /^--stable: flow intake is not deployed/,
    );
  });

  it('refuses a share without a candidate', () => {
    expect(problems(() => rolloutRequest({ ...current, candidate: null }, { percent: 10 }, 'intake', 'en'))[0]).toMatch(
      /^--percent: the rollout has no candidate/,
    );
  });

  it("refuses what the server's RolloutRequest refuses, in the user's language: the candidate as stable, a ramp without a candidate", () => {
    expect(problems(() => rolloutRequest(current, { stable: 4 }, 'intake', 'en'))).toEqual([
      '--candidate: the candidate must differ from the stable version (to send every ticket to one version, leave the candidate out)',
    ]);
    expect(
      problems(() => rolloutRequest({ ...current, candidate: null }, { ramp: { steps: [10, 50], every: '1h' } }, 'intake', 'zh-CN')),
    ).toEqual(['--ramp：放量计划需要先选择候选版']);
  });
});

describe('rolloutPlan --migrate', () => {
  it('plans a migration with its reason', () => {
    expect(rolloutPlan({ migrate: '4:3', reason: 'v4 breaks' }, 'en')).toEqual({
      kind: 'migrate',
      versions: { from: 4, to: 3 },
      reason: 'v4 breaks',
    });
  });

  it('refuses it beside a change of the split, naming both options', () => {
    expect(problems(() => rolloutPlan({ migrate: '4:3', candidate: '5', ramp: '10,50' }, 'en'))).toEqual([
      '--migrate: cannot be combined with --candidate, --ramp',
    ]);
  });
});
