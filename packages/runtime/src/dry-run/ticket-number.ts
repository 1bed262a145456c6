const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * Human ticket numbers: `GD` + yyyyMM (China time) + a 4-digit sequence per month,
 * e.g. GD2026010001. The dry-run numbers sample tickets that have none, in input order.
 */
export function createTicketNumberer(): (createdAt: string) => string {
  const sequences = new Map<string, number>();
  return (createdAt) => {
    const local = new Date(Date.parse(createdAt) + SHANGHAI_OFFSET_MS);
    const month = `${local.getUTCFullYear()}${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
    const next = (sequences.get(month) ?? 0) + 1;
    sequences.set(month, next);
    return `GD${month}${String(next).padStart(4, '0')}`;
  };
}
