import { ApiError } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { signInProblem } from './sign-in-problem';

const refused = (status: number, details: unknown, message = 'refused') =>
  new ApiError(status, message, details, { error: message, details }, 'POST /api/auth/login');

describe('signInProblem', () => {
  it('reads a 401 as a wrong email or password', () => {
    expect(signInProblem(refused(401, undefined), 'en')).toEqual({ kind: 'wrong' });
  });

  it('reads a 429 as a lockout with the wait in the language asked', () => {
    expect(signInProblem(refused(429, { retryAfterSeconds: 300 }), 'en')).toEqual({ kind: 'locked', wait: '5 min' });
    expect(signInProblem(refused(429, { retryAfterSeconds: 90.2 }), 'zh-CN')).toEqual({ kind: 'locked', wait: '1 分钟 31 秒' });
    expect(signInProblem(refused(429, { retryAfterSeconds: 0 }), 'en')).toEqual({ kind: 'locked', wait: '1 s' });
  });

  it('passes anything else on as it was said', () => {
    expect(signInProblem(refused(0, undefined, 'cannot reach the Switchyard server'), 'en')).toEqual({
      kind: 'other',
      message: 'cannot reach the Switchyard server',
    });
    expect(signInProblem(new Error('boom'), 'en')).toEqual({ kind: 'other', message: 'boom' });
  });
});
