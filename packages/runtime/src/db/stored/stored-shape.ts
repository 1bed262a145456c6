import type { z } from 'zod';

/** The key a stored shape's version is written under, beside the value's own fields; a row without it is version 0. */
export const STORED_VERSION_KEY = '$v';

declare const storedBrand: unique symbol;

/**
 * JSON text a stored shape's `json()` wrote: a column of that shape (`Stored<Name>` in
 * `db/schema.ts`) accepts nothing else, so a write of the wrong type, or of an untyped value,
 * is a type error.
 */
export type StoredText<Name extends string> = string & { readonly [storedBrand]: Name };

/** Lifts a value stored at one version to the next; what the last one returns is parsed by the schema. */
export type StoredMigration = (value: unknown) => unknown;

/** A named, versioned JSON shape kept in a jsonb column. */
export interface StoredShape<Name extends string, T extends object> {
  readonly name: Name;
  /** The version `json()` writes. */
  readonly version: number;
  /** The current version's schema: every read ends with it. */
  readonly schema: z.ZodType<T>;
  /** `migrations[n]` lifts a value of version n to version n + 1: one per version below `version`. */
  readonly migrations: readonly StoredMigration[];
  /** The value as JSON text for its column, with the version it has. */
  json(value: T): StoredText<Name>;
}

/**
 * Declares a stored JSON shape: its name (for errors), its current version and schema, and
 * how each older version is lifted to the next. Shapes live in `db/stored/`, one per file.
 * @example
 * const noteShape = defineStoredShape({
 *   name: 'note',
 *   version: 1,
 *   schema: z.object({ text: z.string() }),
 *   migrations: [(v0) => v0], // rows written before versions were recorded are already version 1
 * });
 * await trx.updateTable('notes').set({ body: noteShape.json({ text: 'hi' }) }).execute();
 */
export function defineStoredShape<const Name extends string, T extends object>(definition: {
  readonly name: Name;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  readonly migrations: readonly StoredMigration[];
}): StoredShape<Name, T> {
  const { name, version, schema, migrations } = definition;
  // A programmer's mistake, caught the first time the module is loaded by any test.
  if (!Number.isInteger(version) || version < 1) throw new Error(`stored shape ${name}: version must be an integer from 1`);
  if (migrations.length !== version)
    throw new Error(
      `stored shape ${name}: version ${version} needs ${version} migrations (0→1 ... ${version - 1}→${version}), got ${migrations.length}`,
    );
  return {
    name,
    version,
    schema,
    migrations,
    json: (value) => storedText<Name>(JSON.stringify({ ...value, [STORED_VERSION_KEY]: version })),
  };
}

/**
 * The one place JSON text gets a shape's brand: it was just serialized from a value the
 * shape's type checked, which is all the brand claims.
 */
function storedText<Name extends string>(text: string): StoredText<Name> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a brand on text serialized from a checked value (see above)
  return text as StoredText<Name>;
}
