/** Undo/redo stacks around a present value; every operation returns a new history. */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** Enough steps for an editing session; older ones fall off so memory stays bounded. */
const LIMIT = 200;

/** @example createHistory(doc).present === doc */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** A new present the user can undo back from. */
export function commit<T>(history: History<T>, next: T): History<T> {
  if (Object.is(next, history.present)) return history;
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [] };
}

/** A new present without an undo step (the middle of a drag, a server echo). */
export function replace<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

/** Remembers the present as an undo step before a run of `replace` calls (a drag starting). */
export function checkpoint<T>(history: History<T>): History<T> {
  return { past: [...history.past, history.present].slice(-LIMIT), present: history.present, future: [] };
}

// Both take the step by iterating a slice of at most one item: T may itself include undefined,
// so an indexed read could not tell "no step" from "a step whose value is undefined".
export function undo<T>(history: History<T>): History<T> {
  for (const previous of history.past.slice(-1)) {
    return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
  }
  return history;
}

export function redo<T>(history: History<T>): History<T> {
  for (const next of history.future.slice(0, 1)) {
    return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
  }
  return history;
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;
