export { EXAMPLE_SERVICES_PORT, startExampleServices } from './example-services';
export type { ExampleServices } from './example-services';
