/**
 * The seed of the property tests: fixed, so CI runs the same cases every time;
 * `SWITCHYARD_FC_SEED=random` (or another number) explores further. Read when called.
 * @example fc.assert(property, { numRuns: 200, ...fastCheckSeed() });
 */
export function fastCheckSeed(): { seed?: number } {
  const chosen = process.env.SWITCHYARD_FC_SEED;
  return chosen === 'random' ? {} : { seed: Number(chosen ?? 20_261_123) };
}
