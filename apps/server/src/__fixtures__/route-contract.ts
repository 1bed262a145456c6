import { ErrorBody } from '@switchyard/api';
import { expect } from 'vitest';
import { z } from 'zod';
import type { SwitchyardApp } from '../app-env';

/** One route of the app as its OpenAPI definition declares it: each status it answers and the schema of that body. */
export interface RouteContract {
  readonly method: string;
  /** The OpenAPI path, `/api/flows/{id}`. */
  readonly path: string;
  readonly pattern: RegExp;
  /** By status; undefined for a response declared without a zod JSON schema. */
  readonly responses: ReadonlyMap<number, z.ZodType | undefined>;
}

/** Answers the app's middleware gives before any route runs (a foreign page, another Host, a body too large or not JSON): always an `ErrorBody`. */
const MIDDLEWARE_STATUSES = new Set([403, 413, 415, 421]);

function jsonSchemaOf(response: unknown): z.ZodType | undefined {
  if (typeof response !== 'object' || response === null || !('content' in response)) return undefined;
  const content: unknown = response.content;
  if (typeof content !== 'object' || content === null) return undefined;
  // A server-sent events route (GET /api/stream) declares each event's JSON as its text/event-stream schema.
  const json: unknown =
    'application/json' in content ? content['application/json'] : 'text/event-stream' in content ? content['text/event-stream'] : undefined;
  if (typeof json !== 'object' || json === null || !('schema' in json)) return undefined;
  return json.schema instanceof z.ZodType ? json.schema : undefined;
}

/** Every route the app registered (what /openapi.json lists), with the schema of each answer. */
export function routeContracts(app: SwitchyardApp): RouteContract[] {
  return app.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const { method, path, responses } = definition.route;
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return [
      {
        method,
        path,
        pattern,
        responses: new Map(Object.entries(responses).map(([status, response]) => [Number(status), jsonSchemaOf(response)])),
      },
    ];
  });
}

/**
 * Checks an answer against what its route declares: a status the route documents, and a body
 * its schema parses with nothing left out (no field the schema does not name). Requests no
 * route matches (unknown paths, the editor, /openapi.json) are not checked.
 */
export function checkAnswer(contracts: readonly RouteContract[], method: string, url: string, status: number, body: unknown): void {
  const { pathname } = new URL(url, 'http://localhost');
  const contract = contracts.find((c) => c.method === method.toLowerCase() && c.pattern.test(pathname));
  if (!contract) return;
  const where = `${method.toUpperCase()} ${contract.path} answered ${status}`;
  const schema = contract.responses.get(status) ?? (MIDDLEWARE_STATUSES.has(status) ? ErrorBody : undefined);
  if (!schema) throw new Error(`${where}, which its route does not declare with a schema`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${where} with a body its schema refuses: ${z.prettifyError(parsed.error)}`);
  expect(parsed.data, `${where} with fields its schema does not declare`).toEqual(body);
}

/**
 * The body of an answer parsed with its @switchyard/api schema, typed: what a client gets.
 * @example const flow = expectBody(await t.call('GET', '/api/flows/intake'), FlowDetail);
 */
export function expectBody<S extends z.ZodType>(answer: { readonly status: number; readonly body: unknown }, schema: S): z.output<S> {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new Error(`the answer (${answer.status}) does not parse: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
