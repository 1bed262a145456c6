import type { StoredMigration } from './stored-shape';

/**
 * The migration from version 0 of a shape that was already stored before versions were
 * recorded: those rows have the version-1 shape, only without the version field.
 */
export const sameShape: StoredMigration = (value) => value;
