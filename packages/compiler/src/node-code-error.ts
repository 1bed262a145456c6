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

/*
 * XState rewraps what a guard throws into a plain Error that names only the guard type, so
 * guards record the failure here, by event, answer false, and the host asks afterwards.
 */
const guardFailures = new WeakMap<object, NodeCodeError>();

/** Records that node code failed while a guard handled this event. */
export function recordGuardFailure(event: object, failure: NodeCodeError): void {
  if (!guardFailures.has(event)) guardFailures.set(event, failure);
}

/**
 * The first node failure while guards handled this event, if any. A host that gets one
 * must discard the transition's result: guards answered false where the node failed.
 */
export function takeGuardFailure(event: object): NodeCodeError | undefined {
  const failure = guardFailures.get(event);
  guardFailures.delete(event);
  return failure;
}

/** The NodeCodeError behind an error, if any (itself, or a cause a few levels down). */
export function nodeCodeErrorIn(error: unknown): NodeCodeError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof NodeCodeError) return current;
  }
  return undefined;
}
