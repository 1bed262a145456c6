import { describe, expect, it } from 'vitest';
import { locateJsonError } from './locate-json-error';

describe('locateJsonError', () => {
  it('is undefined for valid JSON, whatever its shape', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\n\\u00e9", true, null, {"k": [false]}] ', '"x"', '0']) {
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it('names the line and column of the first error, and what is there', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b": }')).toEqual({ line: 3, column: 8, found: '}' });
    expect(locateJsonError('[1, 2,]')).toEqual({ line: 1, column: 7, found: ']' });
    expect(locateJsonError('{"a": 1} x')).toEqual({ line: 1, column: 10, found: 'x' });
    expect(locateJsonError("{'a': 1}")).toEqual({ line: 1, column: 2, found: "'" });
  });

  it('reports the end of the text for truncated input', () => {
    expect(locateJsonError('{\n "a": [1, 2')).toEqual({ line: 2, column: 12 });
    expect(locateJsonError('')).toEqual({ line: 1, column: 1 });
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":01}', '[1.]', '"\\x"', '"tab\there"', 'tru', '{"a" 1}']) {
      expect(() => JSON.parse(text) as unknown).toThrow();
      expect(locateJsonError(text)).toBeDefined();
    }
  });
});
