/**
 * Errors the runtime throws for a caller's mistake; the server maps them to 4xx with
 * `{ error, details }`. Anything else is a fault of ours (500).
 */
export class RuntimeInputError extends Error {
  override readonly name: string = 'RuntimeInputError';
  constructor(
    message: string,
    /** 400 bad input, 404 unknown id, 409 conflicts with the current state, 422 invalid flow. */
    readonly status: 400 | 404 | 409 | 422,
    /** Structured detail for clients: the field, the diagnostics... */
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

/** @example throw new NotFoundError('ticket', id) */
export class NotFoundError extends RuntimeInputError {
  override readonly name = 'NotFoundError';
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`, 404, { entity, id });
  }
}

/**
 * 409: the caller named a revision that is no longer the current one (someone saved in between).
 * `body` is the whole answer: the usual `{ error, details }` plus what is current, so a client
 * can compare, keep its own or take the server's.
 * @example throw new RevisionConflictError({ error, details, revision: 4, document, message })
 */
export class RevisionConflictError<
  B extends { readonly error: string; readonly details?: unknown } = { readonly error: string; readonly details?: unknown },
> extends RuntimeInputError {
  override readonly name = 'RevisionConflictError';
  constructor(readonly body: B) {
    super(body.error, 409, body.details);
  }
}
