import { bilingual } from '@switchyard/flow';
import { RE2JS } from 're2js';
import { z } from 'zod';
import { chargeBudget } from './evaluation-budget';
import type { LocalizedText } from './define-node';

/** Longest pattern source a flow may hold. */
export const MAX_PATTERN_LENGTH = 500;
/**
 * Largest compiled pattern (RE2 program instructions). Matching costs instructions x text
 * length, and the first match builds a DFA whose cost grows with the square of this.
 */
export const MAX_PATTERN_INSTRUCTIONS = 200;

/** A pattern compiled for linear-time matching. */
export interface CompiledPattern {
  readonly source: string;
  readonly instructions: number;
  test(text: string): boolean;
  /** The first match's text, or undefined (for a trace: what the pattern found). */
  find(text: string): string | undefined;
}

export interface PatternOptions {
  /** Latin letters match either case (`(?i)` in the pattern does the same). */
  readonly caseInsensitive?: boolean;
}

/** Registers the Chinese of a message for validation, and keeps both for errors. */
function reason(en: string, zh: string): LocalizedText {
  return { en: bilingual(en, zh), 'zh-CN': zh };
}

/** Why a pattern is refused: the words validation shows. */
const REASONS = {
  tooLong: reason(`a pattern may be at most ${MAX_PATTERN_LENGTH} characters long`, `正则表达式最多 ${MAX_PATTERN_LENGTH} 个字符`),
  notRe2: reason(
    'not RE2 syntax, which matches in linear time (no backreferences like \\1, no lookaround like (?=...))',
    '不是 RE2 语法（RE2 以线性时间匹配；不支持 \\1 这样的反向引用和 (?=...) 这样的前后断言）',
  ),
  tooComplex: reason(
    `too complex: at most ${MAX_PATTERN_INSTRUCTIONS} RE2 instructions (use fewer or smaller {n} repeats)`,
    `过于复杂：最多 ${MAX_PATTERN_INSTRUCTIONS} 条 RE2 指令（请减少 {n} 重复次数）`,
  ),
};

/** Thrown for a pattern RE2 cannot run (backreferences, lookaround, bad syntax) or one too large. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: LocalizedText,
    detail?: string,
  ) {
    super(`pattern ${JSON.stringify(pattern.slice(0, 80))}: ${reason.en}${detail ? `: ${detail}` : ''} (${reason['zh-CN']})`);
    this.name = 'PatternError';
  }
}

const CACHE_SIZE = 256;
const compiled = new Map<string, CompiledPattern>();

/**
 * Compiles a regular expression with RE2 (the `re2js` port), which matches in time linear
 * in the text: a customer's message cannot make a pattern backtrack for ever. RE2 syntax is
 * JavaScript's without backreferences and lookaround. Throws a PatternError otherwise.
 * @example compilePattern('DD\\d{8,12}').test('订单 DD2024050188') // true
 */
export function compilePattern(pattern: string, options: PatternOptions = {}): CompiledPattern {
  const key = `${options.caseInsensitive ? 'i' : '-'}${pattern}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(pattern, REASONS.tooLong);
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw new PatternError(pattern, REASONS.notRe2, error instanceof Error ? error.message : String(error));
  }
  const instructions = instructionCount(re);
  if (instructions > MAX_PATTERN_INSTRUCTIONS) {
    throw new PatternError(pattern, REASONS.tooComplex, `${instructions} instructions`);
  }
  const result: CompiledPattern = {
    source: pattern,
    instructions,
    test: (text) => {
      // Charged before matching: a match cannot be interrupted once started.
      chargeBudget(
        'regex',
        instructions * (text.length + 1),
        `matching ${JSON.stringify(pattern.slice(0, 40))} against ${text.length} characters`,
      );
      return re.test(text);
    },
    find: (text) => {
      chargeBudget(
        'regex',
        instructions * (text.length + 1),
        `matching ${JSON.stringify(pattern.slice(0, 40))} against ${text.length} characters`,
      );
      const matcher = re.matcher(text);
      return matcher.find() ? (matcher.group() ?? undefined) : undefined;
    },
  };
  // Bounded: patterns can come from data (a CEL `matches` on a variable).
  if (compiled.size >= CACHE_SIZE) compiled.clear();
  compiled.set(key, result);
  return result;
}

/** The size of the RE2 program (re2js types it loosely). */
function instructionCount(re: RE2JS): number {
  const prog: unknown = re.re2().prog;
  const inst: unknown = typeof prog === 'object' && prog !== null ? Reflect.get(prog, 'inst') : undefined;
  if (!Array.isArray(inst)) throw new Error('re2js: a compiled pattern has no program');
  return inst.length;
}

/** Why RE2 refuses a pattern, in both languages, or undefined when it compiles. */
export function patternError(pattern: string, options: PatternOptions = {}): LocalizedText | undefined {
  try {
    compilePattern(pattern, options);
    return undefined;
  } catch (error) {
    if (error instanceof PatternError) return error.reason;
    throw error;
  }
}

/**
 * A config field holding a regular expression: validation refuses what RE2 cannot run
 * (backreferences, lookaround) or what is too large, naming the node and field.
 * @example config: z.strictObject({ pattern: RegexPattern })
 */
export const RegexPattern = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const reason = patternError(pattern);
    if (reason) ctx.addIssue({ code: 'custom', message: reason.en });
  });
