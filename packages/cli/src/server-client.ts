import { ErrorBody } from '@switchyard/api';
import type { z } from 'zod';
import { CliInputError } from './cli-input-error';

/** A call to a Switchyard server's API: the answer parsed with its schema, or an error naming the server. */
export interface ServerClient {
  request<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>>;
  /** The same, but a 404 answers undefined (a lookup that may miss). */
  find<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S> | undefined>;
}

/** A non-2xx answer of the API, with its `{ error, details }`. */
export class ServerAnswerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/**
 * A client of the server at `baseUrl`, sending `Authorization: Bearer <token>` when given.
 * An unreachable server or a refused token is bad input (exit 2) that names the server.
 */
export function serverClient(baseUrl: string, token: string | undefined): ServerClient {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async (method: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new CliInputError(`cannot reach the Switchyard server at ${base}${cause}`);
    }
    if (response.status === 401) throw new CliInputError(`the server at ${base} refused the token (set --token or SWITCHYARD_TOKEN)`);
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  const parse = <S extends z.ZodType>(schema: S, method: string, path: string, answer: { status: number; json: unknown }): z.output<S> => {
    if (answer.status >= 200 && answer.status < 300) return schema.parse(answer.json);
    const failure = ErrorBody.safeParse(answer.json);
    throw new ServerAnswerError(answer.status, failure.success ? failure.data.error : `${method} ${path} answered ${answer.status}`, failure.success ? failure.data.details : undefined);
  };
  return {
    request: async (schema, method, path, body) => parse(schema, method, path, await call(method, path, body)),
    find: async (schema, path) => {
      const answer = await call('GET', path, undefined);
      return answer.status === 404 ? undefined : parse(schema, 'GET', path, answer);
    },
  };
}
