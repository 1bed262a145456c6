import { z } from 'zod';

/**
 * Why the audit chain does not hold: `altered` a row's content or hash is not what was
 * appended; `missing` rows were deleted from the middle (positions `seq`..`toSeq`); `unchained`
 * a row was written around `recordAudit` (no chain position); `tail-missing` the last rows
 * (`seq`..`toSeq`) were deleted; `head-mismatch` the chain's head row does not match its last row.
 */
export const AuditChainBreakReason = z.enum(['altered', 'missing', 'unchained', 'tail-missing', 'head-mismatch']);
export type AuditChainBreakReason = z.infer<typeof AuditChainBreakReason>;

/** The first place the audit chain does not match. */
export const AuditChainBreak = z
  .object({
    reason: AuditChainBreakReason,
    /** The audit row found wrong (`altered`, `unchained`), or the first row after a gap (`missing`); null when none is left. */
    id: z.string().nullable(),
    /** The chain position concerned: the altered row's, or the first one missing. */
    seq: z.string().nullable(),
    /** The last position missing, for `missing` and `tail-missing`. */
    toSeq: z.string().nullable(),
    /** The same in English words, for logs and scripts. */
    message: z.string(),
  })
  .meta({ id: 'AuditChainBreak' });
export type AuditChainBreak = z.infer<typeof AuditChainBreak>;

/** `GET /api/audit/verify`: whether every audit row still carries the hash chained when it was appended. */
export const AuditVerification = z
  .object({
    ok: z.boolean(),
    /** Rows checked (the chain up to its head when the check began). */
    rows: z.number().int().min(0),
    /** The chain's last position and hash when the check began; null before the first entry. */
    head: z.object({ seq: z.string(), hash: z.string() }).nullable(),
    firstBreak: AuditChainBreak.nullable(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerification>;
