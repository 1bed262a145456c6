import { describe, expect, it } from 'vitest';
import { createSafeLogger } from './safe-logger';

describe('the safe logger', () => {
  it('censors customer fields by name and masks personal numbers in messages, fields and errors', () => {
    const lines: string[] = [];
    const logger = createSafeLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ ticket: { customer: { name: '王小明', contact: '13812345678' }, body: '卡号 4111 1111 1111 1111' } }, 'ticket opened');
    logger.warn('call 13812345678 or mail wang@example.com about DD20260501001');
    logger.error({ err: new Error('ERP refused ID 11010519491231002X') }, 'lookup failed');
    const text = lines.join('');
    for (const clear of ['王小明', '13812345678', '4111 1111 1111 1111', 'wang@example.com', '11010519491231002X'])
      expect(text).not.toContain(clear);
    expect(text).toContain('"name":"[customer]"');
    expect(text).toContain('138****5678');
    expect(text).toContain('DD20260501001');
    expect(text).toContain('110***********002X');
  });
});
