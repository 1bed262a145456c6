import type { Deployment } from '@switchyard/api';

/** The nullable columns of a left-joined deployment row. */
export interface DeploymentColumns {
  readonly stable: number | null;
  readonly candidate: number | null;
  readonly percent: number | null;
  readonly position: number | null;
}

/** A left-joined deployment as the API shows it; null when the flow was never deployed. */
export function deploymentView(row: DeploymentColumns): Deployment | null {
  if (row.stable === null) return null;
  return { stable: row.stable, candidate: row.candidate, percent: row.percent ?? 0, position: row.position ?? 0 };
}
