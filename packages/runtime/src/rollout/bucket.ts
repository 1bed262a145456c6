import murmurhash3 from 'murmurhash3js';

/**
 * The bucket (1-100) of a ticket in a flow's rollout, as Unleash's flexibleRollout strategy
 * normalizes it (groupId = flow id, stickiness = ticket id), so any Unleash SDK predicts
 * which version a ticket gets: `murmurhash3_x86_32("<flowId>:<ticketId>", 0) % 100 + 1`.
 * murmurhash3js is the implementation unleash-client-node uses.
 * @example rolloutBucket('Feature.flexibleRollout.10', '174') // 7: inside a 10% rollout
 */
export function rolloutBucket(flowId: string, ticketId: string): number {
  return (murmurhash3.x86.hash32(`${flowId}:${ticketId}`, 0) % 100) + 1;
}

/** The version a new ticket is bound to: the candidate when its bucket falls inside the percentage. */
export function boundVersion(
  deployment: { readonly stable: number; readonly candidate: number | null; readonly percent: number },
  flowId: string,
  ticketId: string,
): number {
  const { stable, candidate, percent } = deployment;
  return candidate !== null && percent > 0 && rolloutBucket(flowId, ticketId) <= percent ? candidate : stable;
}
