import { describe, expect, it } from 'vitest';
import { isChineseIdNumber, maskContact, maskEmail, maskName, maskPhone, maskSensitiveText, maskSensitiveValue, passesLuhn } from './index';

/** mulberry32: the same numbers for a seed on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digitsOf = (random: () => number, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] ?? items[0]!;

function idNumber(random: () => number): string {
  const body = `${pick(random, ['110101', '310104', '440305', '510107'])}19${digitsOf(random, 2)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}${digitsOf(random, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

function bankCard(random: () => number): string {
  const length = 16 + Math.floor(random() * 4);
  const partial = `62${digitsOf(random, length - 3)}`;
  for (let check = 0; check < 10; check++) {
    const card = `${partial}${check}`;
    if (passesLuhn(card)) return random() < 0.5 ? card : (card.match(/.{1,4}/g) ?? []).join(' ');
  }
  throw new Error('unreachable: one check digit always passes');
}

function mobile(random: () => number): string {
  const number = `1${3 + Math.floor(random() * 7)}${digitsOf(random, 9)}`;
  const form = Math.floor(random() * 4);
  if (form === 0) return number;
  if (form === 1) return `+86${number}`;
  if (form === 2) return `+86 ${number}`;
  return `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
}

const landline = (random: () => number) =>
  `0${pick(random, ['10', '21', '755', '571'])}-${1 + Math.floor(random() * 8)}${digitsOf(random, 7)}`;
const email = (random: () => number) =>
  `${pick(random, ['wang', 'li.na', 'zhang_wei', 'a'])}${digitsOf(random, 2)}@${pick(random, ['example.com', 'qq.com', 'mail.example.cn'])}`;
const orderNumber = (random: () => number) => `DD2026${digitsOf(random, 7)}`;

describe('masking one value', () => {
  it('shows a phone number by its ends, an email by its first letter, a name by its first character', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678');
    expect(maskEmail('wang.li@example.com')).toBe('w***@example.com');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王')).toBe('王*');
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('wang@example.com')).toBe('w***@example.com');
    expect(maskContact('wechat: wangli')).toBe('w***');
  });

  it('checks ID numbers and bank cards before calling them so', () => {
    expect(isChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isChineseIdNumber('110105194912310021')).toBe(false);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('4111111111111111')).toBe(true);
  });
});

describe('maskSensitiveText', () => {
  it('masks each kind inside a sentence and leaves order numbers alone', () => {
    const text = '我的手机13812345678，邮箱wang@example.com，身份证11010519491231002X，卡号4111 1111 1111 1111，订单DD20260501001';
    expect(maskSensitiveText(text)).toBe(
      '我的手机138****5678，邮箱w***@example.com，身份证110***********002X，卡号4111 **** **** 1111，订单DD20260501001',
    );
    expect(maskSensitiveText('座机 010-62345678')).toBe('座机 010-****5678');
  });

  it('lets no generated phone, email, ID or card number through in clear, and no order number changes (seeded)', () => {
    const random = seeded(20260501);
    const glue = ['，', '。', ' ', '：', '电话', '联系我', ' and ', '\n'];
    for (let round = 0; round < 500; round++) {
      const secrets = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        pick(random, [mobile, landline, email, idNumber, bankCard])(random),
      );
      const orders = Array.from({ length: Math.floor(random() * 3) }, () => orderNumber(random));
      const parts = [...secrets, ...orders].sort(() => random() - 0.5);
      const text = parts.map((part) => `${pick(random, glue)}${part}`).join('') + pick(random, glue);
      const masked = maskSensitiveText(text);
      for (const secret of secrets) expect(masked, `${text} -> ${masked}`).not.toContain(secret);
      const numbers = secrets.filter((secret) => !secret.includes('@')).map((secret) => secret.replace(/\D/g, '').slice(-11));
      for (const digits of numbers) expect(masked.replace(/[^\d*]/g, '')).not.toContain(digits);
      for (const order of orders) expect(masked).toContain(order);
    }
  });

  it('leaves ordinary text and numbers as they are', () => {
    for (const text of ['订单 DD20260501001 的快递', 'SF1234567890123', '2026-05-01 12:00', '退款 1999.00 元', 'v1.2.3']) {
      expect(maskSensitiveText(text)).toBe(text);
    }
  });

  it('leaves ids alone: UUIDs whose groups are all digits are not cards', () => {
    const id = '41111111-1111-1111-1111-111111111111';
    expect(maskSensitiveText(`ticket ${id}`)).toBe(`ticket ${id}`);
  });

  it('walks objects and arrays', () => {
    expect(maskSensitiveValue({ params: { body: ['电话 13812345678'], n: 1 } })).toEqual({ params: { body: ['电话 138****5678'], n: 1 } });
    const looped: Record<string, unknown> = { body: '13812345678' };
    looped.self = looped;
    expect(maskSensitiveValue(looped)).toEqual({ body: '138****5678', self: '[Circular]' });
    expect(
      maskSensitiveValue({ at: new Date(0), error: new Error('13812345678') }, (value) =>
        value instanceof Error ? { message: value.message } : value,
      ),
    ).toEqual({
      at: new Date(0),
      error: { message: '138****5678' },
    });
  });
});
