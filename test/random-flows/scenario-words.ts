import fc from 'fast-check';

/**
 * Words the scenarios turn on, in both languages and widths: keyword conditions use them
 * and sample tickets are written with them, so conditions answer both ways.
 */
export const SCENARIO_WORDS = [
  '投诉',
  '退款',
  '物流',
  '快递',
  '发票',
  '加急',
  'urgent',
  'ＵＲＧＥＮＴ',
  'Refund',
  'complaint',
  'invoice',
  'DD20260105001',
] as const;

/** A short text: scenario words mixed with random ASCII, in any order. */
export function scenarioText(): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...SCENARIO_WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
      maxLength: 4,
    })
    .map((parts) => parts.join(' '));
}
