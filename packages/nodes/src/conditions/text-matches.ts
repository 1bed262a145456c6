import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { compilePattern, RegexPattern } from '../sdk/regex-pattern';
import { normalizeText } from '../sdk/text-match';
import { TextSource, textOf } from './text-contains';
import { describeField } from '@switchyard/flow';
import { TEXT_SOURCE_FIELD, words } from '../sdk/field-words';

/**
 * True when a regular expression matches the text. Patterns are RE2 (linear time: no
 * customer text can make one backtrack), matched like keywords: case-insensitive for
 * Latin, full-width folded.
 */
export const textMatches = defineNode({
  type: 'text_matches',
  kind: 'condition',
  icon: 'regex',
  title: { en: 'Text matches pattern', 'zh-CN': '文本匹配正则' },
  description: {
    en: 'A regular expression (RE2 syntax: no backreferences or lookaround) is found in the text, e.g. 1[3-9]\\d{9} for a mobile number.',
    'zh-CN': '文本中能找到该正则表达式（RE2 语法：不支持反向引用和前后断言），例如手机号 1[3-9]\\d{9}。',
  },
  config: z.strictObject({
    pattern: describeField(RegexPattern, {
      title: words('Pattern', '正则表达式'),
      help: words('RE2 syntax, e.g. 1[3-9]\\d{9} for a mobile number.', 'RE2 语法，例如手机号 1[3-9]\\d{9}。'),
    }),
    source: describeField(TextSource.default('ticket'), TEXT_SOURCE_FIELD),
  }),
  evaluate: (ctx, config) => compilePattern(config.pattern, { caseInsensitive: true }).test(normalizeText(textOf(ctx, config.source))),
  explain: (ctx, config) => ({
    source: config.source,
    pattern: config.pattern,
    match: compilePattern(config.pattern, { caseInsensitive: true }).find(normalizeText(textOf(ctx, config.source))) ?? null,
  }),
  summary: (config, locale) => `${locale === 'en' ? 'matches' : '匹配'} /${config.pattern}/`,
});
