// `@switchyard/runtime/testing`: the databases every storage test runs on, for tests only.
export { createTestSchema, testDatabases, testPglite, testPostgres, testPostgresUrl } from './test-databases';
export type { TestDatabaseTarget } from './test-databases';
export { clearTables, useTestDatabase } from './use-test-database';
export type { TestDatabaseOptions } from './use-test-database';
export { seededRandom } from '../seeded-random';
export { seededUuids } from './seeded-uuids';
export { freePort } from './free-port';
export { EXAMPLES_DIR, exampleTickets, runRecordedTickets } from './recorded-tickets';
export { postSampleEvent } from './post-sample-event';
export { checkedAgainstXState, newStepperTally } from './stepper-against-xstate';
export type { StepperTally } from './stepper-against-xstate';
