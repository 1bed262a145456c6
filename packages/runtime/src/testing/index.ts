// `@switchyard/runtime/testing`: the databases every storage test runs on, for tests only.
export { createTestSchema, testDatabases, testPostgresUrl } from './test-databases';
export type { TestDatabaseTarget } from './test-databases';
export { clearTables, useTestDatabase } from './use-test-database';
export type { TestDatabaseOptions } from './use-test-database';
