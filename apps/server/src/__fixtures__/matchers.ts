import { expect } from 'vitest';

/*
 * Asymmetric matchers typed `unknown` instead of vitest's `any`, so they can sit inside
 * expected objects under the no-unsafe-assignment rule.
 */
export const anyString: unknown = expect.any(String);
export const anyArray: unknown = expect.any(Array);
export const anyNumber: unknown = expect.any(Number);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
