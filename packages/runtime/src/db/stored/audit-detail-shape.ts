import { z } from 'zod';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/**
 * `audit_log.detail`: versioned here as one shape; what the detail holds depends on the row's
 * `kind`, which the `AuditEntry` union (audit/audit-entry.ts) parses once the version is
 * lifted. Rows from before versions were recorded already have version 1's details.
 */
export const auditDetailShape = defineStoredShape({
  name: 'audit-detail',
  version: 1,
  schema: z.record(z.string(), z.unknown()),
  migrations: [sameShape],
});
