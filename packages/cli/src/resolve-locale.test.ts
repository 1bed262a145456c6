import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it('takes --lang first, in either spelling', () => {
    expect(resolveLocale(['validate', '--lang', 'zh-CN'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(['validate', '--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('falls back to LC_ALL, LC_MESSAGES, LANG (zh* means zh-CN), then English', () => {
    expect(resolveLocale([], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale([], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale([], { LC_MESSAGES: 'zh_TW' })).toBe('zh-CN');
    expect(resolveLocale([], { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(resolveLocale([], {})).toBe('en');
  });
});
