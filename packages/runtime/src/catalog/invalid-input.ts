import { issuePath } from '@switchyard/flow';
import type { z } from 'zod';
import { RuntimeInputError } from '../errors';

/** One bad field of a request: its dotted path (`document.nodes.0.id`) and what is wrong. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** The issues of a zod error as `{ path, message }`, paths under `prefix` (the field the value came in). */
export function fieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  const at = (path: readonly PropertyKey[]) => {
    const inner = issuePath(path);
    return prefix ? (inner ? `${prefix}.${inner}` : prefix) : inner;
  };
  // An unknown key is the field to name, not the object that has it.
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: at([...issue.path, key]), message: 'unknown field' }))
      : [{ path: at(issue.path), message: issue.message }],
  );
}

/**
 * A 400 for input that failed its schema, naming every bad field; the same body the
 * server's request validation answers with.
 */
export function invalidInput(error: z.ZodError, prefix?: string): RuntimeInputError {
  return new RuntimeInputError('invalid request', 400, fieldIssues(error, prefix));
}

/** Parses `value` with `schema` or throws the 400 naming the fields. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, prefix);
  return parsed.data;
}
