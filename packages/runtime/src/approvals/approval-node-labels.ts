import type { ApprovalView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import { readStored } from '../db/stored/read-stored';

/** An approval with the flow version its ticket runs (null when the ticket no longer runs that flow). */
export type VersionedApproval = ApprovalView & { readonly version: number | null };

/**
 * The approvals with `nodeLabel`: the asking node's label in the flow version the ticket runs, so
 * people read "财务总监审批 Finance director approves", not `ra-approval`. Each version's document
 * is read once per call; an approval whose version or node is gone keeps only its node id.
 */
export async function withNodeLabels(db: Kysely<Database>, approvals: readonly VersionedApproval[]): Promise<ApprovalView[]> {
  const versions = new Map(approvals.flatMap((a) => (a.version === null ? [] : [[`${a.flowId}\u0000${a.version}`, a] as const])));
  const labels = new Map<string, string>();
  if (versions.size > 0) {
    const rows = await db
      .selectFrom('flow_versions')
      .select(['flow_id', 'version', 'document'])
      .where((eb) => eb.or([...versions.values()].map((a) => eb.and({ flow_id: a.flowId, version: a.version ?? 0 }))))
      .execute();
    for (const row of rows) {
      const document = readStored(flowDocumentShape, row.document, { table: 'flow_versions', key: `${row.flow_id}/${row.version}` });
      for (const node of document.nodes) if (node.label) labels.set(`${row.flow_id}\u0000${row.version}\u0000${node.id}`, node.label);
    }
  }
  return approvals.map(({ version, ...approval }) => {
    const label = version === null ? undefined : labels.get(`${approval.flowId}\u0000${version}\u0000${approval.node}`);
    return label === undefined ? approval : { ...approval, nodeLabel: label };
  });
}
