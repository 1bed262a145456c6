import { describe, expect, it } from 'vitest';
import { messagesEn, type MessageKey } from './messages-en';
import { messagesZhCn } from './messages-zh-cn';
import { detectLocale, dictionaryKeys, translate } from './translate';

describe('translate', () => {
  it('has the same keys in English and Chinese', () => {
    expect(dictionaryKeys('zh-CN')).toEqual(dictionaryKeys('en'));
  });

  it('fills placeholders', () => {
    expect(translate('en', 'tabs.problems', { count: 2 })).toBe('Problems (2)');
    expect(translate('zh-CN', 'tabs.problems', { count: 2 })).toBe('问题（2）');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messagesEn) as MessageKey[]) {
      expect(placeholders(messagesZhCn[key]), key).toEqual(placeholders(messagesEn[key]));
    }
  });

  it('defaults to the browser language', () => {
    expect(detectLocale(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
  });
});
