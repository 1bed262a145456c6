/**
 * What a node's own code threw (a condition, a trigger or wait filter, a delay),
 * tagged with the node, so a host can report which node of the flow failed.
 */
export class NodeCodeError extends Error {
  constructor(
    readonly node: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'NodeCodeError';
  }
}
