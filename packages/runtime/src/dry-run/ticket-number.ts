const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The month a ticket number counts in: yyyyMM in China time. */
export function ticketMonth(at: Date | string): string {
  const local = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `GD` + yyyyMM + the month's sequence, at least 4 digits: GD2026010001. */
export function formatTicketNumber(month: string, sequence: number): string {
  return `GD${month}${String(sequence).padStart(4, '0')}`;
}

/**
 * Human ticket numbers for the dry-run, which numbers sample tickets that have none in
 * input order (the durable store counts per month in the database).
 */
export function createTicketNumberer(): (createdAt: string) => string {
  const sequences = new Map<string, number>();
  return (createdAt) => {
    const month = ticketMonth(createdAt);
    const next = (sequences.get(month) ?? 0) + 1;
    sequences.set(month, next);
    return formatTicketNumber(month, next);
  };
}
