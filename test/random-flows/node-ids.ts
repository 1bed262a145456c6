import fc from 'fast-check';

/**
 * Names every plain object inherits. As node or flow ids they find code that reads a
 * record by id without asking whether the id is its own key.
 */
export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
] as const;

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const REST = [...LETTERS, ...'0123456789_-'];

/** Built once: fast-check builds arbitraries slowly, and ids are drawn inside `chain`. */
const IDENTIFIER: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...LETTERS), fc.string({ unit: fc.constantFrom(...REST), maxLength: 6 }))
      .map(([first, rest]) => first + rest),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
);

/** A valid identifier (node, edge or flow id): mostly short generated ones, now and then a prototype name. */
export function identifier(): fc.Arbitrary<string> {
  return IDENTIFIER;
}

/** `count` distinct identifiers. */
export function distinctIdentifiers(count: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(IDENTIFIER, { minLength: count, maxLength: count });
}
