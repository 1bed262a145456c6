import { issuePath } from '@switchyard/flow';

/** Where a stored value was read: its table and the row's key (`ticket_id/flow_id` when it has two parts). */
export interface StoredAt {
  readonly table: string;
  readonly key: string;
}

/** One problem of a stored value: the path inside it and what is wrong there. */
export interface StoredIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A stored value that does not parse as its shape (a corrupt or foreign row, a version this
 * code does not know): a fault of ours, naming the table, the row and the field, never cast
 * and used anyway. The worker quarantines the ticket and audits the message (`ticket.fault`).
 */
export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
  readonly table: string;
  readonly key: string;
  constructor(
    at: StoredAt,
    /** The stored shape's name, e.g. `ticket-snapshot`. */
    readonly shape: string,
    readonly issues: readonly StoredIssue[],
  ) {
    const first = issues[0];
    const where = first === undefined ? '' : ` at ${first.path === '' ? '(root)' : first.path}: ${first.message}`;
    super(`stored ${shape} in ${at.table} row ${at.key} is invalid${where}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`);
    this.table = at.table;
    this.key = at.key;
  }
}

/** Zod's issues as stored issues: a dotted path and the message. */
export function storedIssues(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): StoredIssue[] {
  return issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}
