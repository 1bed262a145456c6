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
/** Failures recorded and not yet taken (events dropped untaken keep it above zero: then every take looks). */
let untaken = 0;

/** Records that node code failed while a guard handled this event. */
export function recordGuardFailure(event: object, failure: NodeCodeError): void {
  if (guardFailures.has(event)) return;
  guardFailures.set(event, failure);
  untaken++;
}

/**
 * The first node failure while guards handled this event, if any. A host that gets one
 * must discard the transition's result: guards answered false where the node failed.
 */
export function takeGuardFailure(event: object): NodeCodeError | undefined {
  // Asked after every step of every flow, and almost always none was recorded.
  if (untaken === 0) return undefined;
  const failure = guardFailures.get(event);
  if (failure && guardFailures.delete(event)) untaken--;
  return failure;
}

/** The NodeCodeError behind an error, if any (itself, or a cause a few levels down). */
export function nodeCodeErrorIn(error: unknown): NodeCodeError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof NodeCodeError) return current;
  }
  return undefined;
}
