export { defineStoredShape, STORED_VERSION_KEY } from './stored-shape';
export type { StoredMigration, StoredShape, StoredText } from './stored-shape';
export { readStored } from './read-stored';
export { StoredDataError } from './stored-data-error';
export type { StoredAt, StoredIssue } from './stored-data-error';
