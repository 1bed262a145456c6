import type { z } from 'zod';

/** Joins a zod issue path into the dotted form people read: `nodes.3.config.keywords`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One line per zod issue: `field: message`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${issuePath(i.path)}: ${i.message}` : i.message));
}
