import { errorMessage } from '../../engine/error-message';
import { type StoredAt, StoredDataError, storedIssues } from './stored-data-error';
import { STORED_VERSION_KEY, type StoredShape } from './stored-shape';

/**
 * Reads a stored value as its shape: takes the version it was written at (none: 0), lifts it
 * step by step to the current one and parses it. Anything that does not fit throws
 * `StoredDataError` naming the table, the row and the field.
 * @example const compiled = readStored(compiledFlowShape, row.compiled, { table: 'flow_versions', key: `${row.flow_id}@${row.version}` });
 */
export function readStored<Name extends string, T extends object>(shape: StoredShape<Name, T>, value: unknown, at: StoredAt): T {
  let version: unknown = 0;
  let body = value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && STORED_VERSION_KEY in value) {
    const { [STORED_VERSION_KEY]: stored, ...rest } = value;
    version = stored;
    body = rest;
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > shape.version) {
    throw new StoredDataError(at, shape.name, [
      { path: STORED_VERSION_KEY, message: `unknown version ${JSON.stringify(version)} (this code reads 0 to ${shape.version})` },
    ]);
  }
  for (let from = version; from < shape.version; from++) {
    const migrate = shape.migrations[from];
    if (migrate === undefined)
      throw new StoredDataError(at, shape.name, [{ path: STORED_VERSION_KEY, message: `no migration from version ${from}` }]);
    try {
      body = migrate(body);
    } catch (error) {
      throw new StoredDataError(at, shape.name, [{ path: '', message: `migration from version ${from} failed: ${errorMessage(error)}` }]);
    }
  }
  const parsed = shape.schema.safeParse(body);
  if (!parsed.success) throw new StoredDataError(at, shape.name, storedIssues(parsed.error.issues));
  return parsed.data;
}
