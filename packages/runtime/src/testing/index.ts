export { createTestSchema, TEST_POSTGRES_URL, testDatabases } from './test-databases';
export type { TestDatabaseTarget } from './test-databases';
