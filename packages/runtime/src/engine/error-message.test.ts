import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('follows the causes, which is where fetch says what failed', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' }),
    });
    expect(errorMessage(error)).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:4010');
  });

  it('shows what was thrown when it is not an Error', () => {
    expect(errorMessage('boom')).toBe('boom');
  });
});
