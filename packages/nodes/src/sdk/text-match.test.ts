import { describe, expect, it } from 'vitest';
import { findOrderNumber, firstKeyword, isChinese, normalizeText } from './text-match';

describe('normalizeText', () => {
  it('folds full-width Latin and digits to ASCII and lower-cases Latin, leaving Chinese alone', () => {
    expect(normalizeText('ＲＥＦＵＮＤ 退款 １２３')).toBe('refund 退款 123');
  });
});

describe('firstKeyword', () => {
  it('finds a Chinese keyword inside a sentence', () => {
    expect(firstKeyword('订单一直打不开怎么回事', ['无法打开', '打不开'])).toBe('打不开');
  });

  it('returns the first keyword of the list that appears, not the first in the text', () => {
    expect(firstKeyword('物流太慢，我要投诉', ['投诉', '物流'])).toBe('投诉');
  });

  it('matches Latin case-insensitively and full-width either way round', () => {
    expect(firstKeyword('Please REFUND me', ['refund'])).toBe('refund');
    expect(firstKeyword('ＵＲＧＥＮＴ：系统崩溃', ['urgent'])).toBe('urgent');
    expect(firstKeyword('urgent: crash', ['ＵＲＧＥＮＴ'])).toBe('ＵＲＧＥＮＴ');
  });

  it('ignores blank keywords and trims the others', () => {
    expect(firstKeyword('anything', ['', '  '])).toBeUndefined();
    expect(firstKeyword('申请退款', [' 退款 '])).toBe(' 退款 ');
  });

  it('returns undefined when nothing matches', () => {
    expect(firstKeyword('开发票', ['物流', 'shipping'])).toBeUndefined();
  });
});

describe('isChinese', () => {
  it('is true for text with Chinese characters, false for Latin text', () => {
    expect(isChinese('Order DD123 还没到')).toBe(true);
    expect(isChinese('Where is my order DD123?')).toBe(false);
    expect(isChinese('ＵＲＧＥＮＴ！')).toBe(false);
  });
});

describe('findOrderNumber', () => {
  it('prefers the orderId', () => {
    expect(findOrderNumber({ orderId: '88-001', subject: '', body: 'DD123' })).toBe('88-001');
  });

  it('finds DD and digits in the subject or body, upper-cased', () => {
    expect(findOrderNumber({ subject: '查物流', body: '订单 dd2024001 没到' })).toBe('DD2024001');
    expect(findOrderNumber({ subject: '订单DD42', body: '' })).toBe('DD42');
  });

  it('finds a full-width order number', () => {
    expect(findOrderNumber({ subject: '', body: '订单号ＤＤ１２３' })).toBe('DD123');
  });

  it('returns undefined without one', () => {
    expect(findOrderNumber({ subject: '快递到哪了', body: 'DD 没有数字' })).toBeUndefined();
  });
});
