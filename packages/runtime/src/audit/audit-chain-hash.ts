import { createHash } from 'node:crypto';

/** The hash the first row of the chain links to. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/** What of an audit row its hash covers: every column but the id (the chain position stands for it). */
export interface ChainedAuditContent {
  readonly seq: string;
  readonly at: Date;
  readonly actor: string;
  readonly ticketId: string | null;
  readonly flowId: string | null;
  readonly kind: string;
  /** The detail as parsed JSON (jsonb gives keys back in its own order: they are sorted here). */
  readonly detail: unknown;
}

/**
 * Version 1 of the audit chain: `sha256(previous hash + "\n" + canonical JSON of the row)`,
 * hex. Canonical: object keys sorted at every depth, no white space, the time as ISO-8601.
 * Migration 0011 backfilled with it and `verifyAuditChain` checks with it: changing it needs a
 * new version (and a migration that re-chains), never an edit.
 */
export function auditRowHash(previousHash: string, row: ChainedAuditContent): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    ticketId: row.ticketId,
    flowId: row.flowId,
    kind: row.kind,
    detail: row.detail,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`).digest('hex');
}

/**
 * Version 2, for the rows of a ticket's own chain (migration 0022): the same, with the chain
 * (the ticket id) in the content, so a row cannot be moved to another ticket's chain unnoticed.
 */
export function auditChainRowHash(previousHash: string, chain: string, row: ChainedAuditContent): string {
  const content = canonicalJson({
    chain,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    ticketId: row.ticketId,
    flowId: row.flowId,
    kind: row.kind,
    detail: row.detail,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`).digest('hex');
}

/** JSON with object keys sorted at every depth, so a value has one text whatever the key order it came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
