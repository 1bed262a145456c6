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

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: next as T, future: rest };
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;
