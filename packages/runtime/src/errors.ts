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
