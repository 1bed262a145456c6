// The `testing` namespace of the node SDK: the helpers built-in and custom node tests share.
export { createTestContext, parseConfig } from './node-test-context';
export type { TestContextOptions, TestTicket } from './node-test-context';
export { startTestHttpServer } from './test-http-server';
export type { RecordedRequest, TestHttpAnswer, TestHttpHandler, TestHttpServer } from './test-http-server';
export { createCollectingLogger } from '../sdk/node-logger';
export type { LogEntry } from '../sdk/node-logger';
