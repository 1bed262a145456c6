import recorded from './answer-examples.json' with { type: 'json' };

export { REQUEST_EXAMPLES } from './request-examples';

const ANSWERS: Readonly<Record<string, unknown>> = recorded;

/**
 * The example answer of an operation for the OpenAPI document: what a real server answered to
 * the request example (recorded by record-answer-examples.ts). Undefined when none was recorded,
 * which openapi-lint.test.ts reports by operation and status.
 */
export function answerExample(operationId: string, status: number): unknown {
  return ANSWERS[`${operationId} ${status}`];
}

/** `{ 'application/json': { schema, example } }`: a JSON request body with its example. */
export function jsonBody<S>(schema: S, example: unknown, required = true) {
  return { required, content: { 'application/json': { schema, example } } };
}
