import fc from 'fast-check';

/** Strings past every limit; built once, they cost nothing to pick. */
const HUGE = [101, 201, 501, 1001, 2001, 10_001, 100_001, 1024 * 1024].map((length) => 'x'.repeat(length));

/** Texts that have broken servers: injections, format strings, paths, prototype keys, direction marks. */
const PAYLOADS = [
  '',
  ' ',
  "'; drop table tickets; --",
  "1' or '1'='1",
  '${process.exit(1)}',
  '{{7*7}}',
  '#{7*7}',
  '<script>alert(1)</script>',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999',
  '\u0000',
  'nul\u0000inside',
  '\u202Eevil.exe\u202C',
  'مرحبا بالعالم',
  'שלום',
  '王女士要退货退款',
  '😀👍🏽‍',
  '\uD800',
  'lone \uDC00 low',
  '\uFEFFbom',
  '\r\n\t\u000B\u000C',
  'e\u0301\u0301\u0301',
  '0x41',
  '2026-02-30T25:61:61Z',
  '+15m',
  '-1d',
];

/** Control characters, lone surrogates, right-to-left and Chinese text, mixed. */
const oddCharacters = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x0590, max: 0x06ff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('\u202E', '\u200F', '\u200B', '\uFFFF', '\uFFFD'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

/** A string meant to break a field that expects text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PAYLOADS), oddCharacters, fc.constantFrom(...HUGE));

/** A number meant to break a field: past integer ranges, negative, fractional, not finite once parsed. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Arrays and objects nested thousands deep: past any stack that walks them by recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}
const DEEP = [nested(70, (inner) => [inner]), nested(300, (inner) => ({ a: inner }))];

/**
 * Stands for nesting too deep to build as a value (JSON.stringify would overflow the
 * generator's stack): a request body swaps it for {@link DEEP_NESTING_TEXT}.
 */
export const DEEP_NESTING_MARKER = '\u0001deeper\u0001';
export const DEEP_NESTING_TEXT = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

/** Any JSON value of the wrong kind: a string, a number, a boolean, null, an array or an object of those. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...DEEP, DEEP_NESTING_MARKER, DEEP_NESTING_MARKER),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(
        hostileString.filter((key) => key.length < 200),
        fc.string(),
      ),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;
