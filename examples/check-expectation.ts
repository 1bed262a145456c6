import { isRecord, parseDuration } from '@switchyard/flow';
import type { DryRunAction, DryRunResult } from '@switchyard/runtime';
import type { ActionMatcher, Expectation } from './expectation';

/**
 * Compares a dry-run result with what the sample's author expected and returns every
 * mismatch as a readable line (empty when the result is as expected).
 * @example checkExpectation(result, Expectation.parse(ticket.expect), Date.parse(ticket.createdAt)) // []
 */
export function checkExpectation(result: DryRunResult, expectation: Expectation, createdAt: number): string[] {
  const problems: string[] = [];
  const final: Readonly<Record<string, unknown>> = result.final;
  for (const [field, expected] of Object.entries(expectation.final ?? {})) {
    const actual = final[field];
    const same = Array.isArray(expected) && Array.isArray(actual) ? sameSet(actual, expected) : actual === expected;
    if (!same) problems.push(`final.${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  let from = 0;
  for (const matcher of expectation.actions ?? []) {
    const found = result.actions.findIndex((action, i) => i >= from && matchesAction(action, matcher, createdAt));
    if (found === -1) {
      problems.push(
        `missing action ${describeMatcher(matcher)}${from > 0 ? ' after the previous expected one' : ''}; actions: ${summarize(result.actions, createdAt)}`,
      );
    } else {
      from = found + 1;
    }
  }
  for (const item of expectation.absent ?? []) {
    const matcher = typeof item === 'string' ? { type: item } : item;
    const found = result.actions.find((action) => matchesAction(action, matcher, createdAt));
    if (found) problems.push(`unexpected action ${describeMatcher(matcher)}: ${summarize([found], createdAt)}`);
  }
  for (const node of expectation.visits ?? []) if (!result.path.includes(node)) problems.push(`path does not visit ${node}`);
  for (const node of expectation.avoids ?? []) if (result.path.includes(node)) problems.push(`path visits ${node}`);
  if (result.errors.length !== expectation.errors) {
    problems.push(
      `expected ${expectation.errors} error(s), got ${result.errors.length}: ${result.errors.map((e) => e.message).join('; ')}`,
    );
  }
  return problems;
}

/** Milliseconds of a "+10m" offset ("+0" is zero). */
export function offsetMs(offset: string): number {
  const text = offset.slice(1);
  if (text === '0') return 0;
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`bad offset "${offset}"`);
  return ms;
}

function matchesAction(action: DryRunAction, matcher: ActionMatcher, createdAt: number): boolean {
  if (action.type !== matcher.type) return false;
  if (matcher.flow !== undefined && action.flow !== matcher.flow) return false;
  if (matcher.node !== undefined && action.node !== matcher.node) return false;
  if (matcher.at !== undefined && Date.parse(action.at) !== createdAt + offsetMs(matcher.at)) return false;
  if (matcher.bodyIncludes !== undefined) {
    const body = action.params.body;
    if (typeof body !== 'string' || !matcher.bodyIncludes.every((text) => body.includes(text))) return false;
  }
  return matcher.params === undefined || matchesPartial(action.params, matcher.params);
}

/** Objects match when every expected key matches; arrays element by element; the rest by identity. */
function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesPartial(actual[i], e));
  }
  if (typeof expected === 'object' && expected !== null) {
    return isRecord(actual) && Object.entries(expected).every(([key, value]) => matchesPartial(actual[key], value));
  }
  return Object.is(actual, expected);
}

function sameSet(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  return actual.length === expected.length && expected.every((e) => actual.includes(e));
}

function describeMatcher(matcher: ActionMatcher): string {
  return [
    matcher.type,
    matcher.flow && `flow=${matcher.flow}`,
    matcher.node && `node=${matcher.node}`,
    matcher.at && `at=${matcher.at}`,
    matcher.params && `params=${JSON.stringify(matcher.params)}`,
    matcher.bodyIncludes && `body~${JSON.stringify(matcher.bodyIncludes)}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function summarize(actions: readonly DryRunAction[], createdAt: number): string {
  if (actions.length === 0) return '(none)';
  return actions.map((a) => `${a.node}:${a.type}@+${Math.round((Date.parse(a.at) - createdAt) / 60_000)}m`).join(', ');
}
