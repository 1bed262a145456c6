/** Where the draft stands against the server. */
export type SaveState =
  | { readonly status: 'saved' | 'saving' | 'dirty' }
  | { readonly status: 'error'; readonly message: string }
  /** Someone else saved the draft since our revision: saving waits until the user decides. */
  | { readonly status: 'conflict' };

/** What a save answers: at least the revision the draft is at now. */
export interface SaveResult {
  readonly revision: number;
}

/** A timer the autosaver can start and cancel: `setTimeout` in the browser, a manual one in tests. */
export interface Timers {
  /** Runs `run` after `ms`; the function returned cancels it. */
  set(run: () => void, ms: number): () => void;
}

export interface AutosaverOptions<D, R extends SaveResult, C> {
  /** Sends `document` as the next revision after `revision`; rejects when the server refuses. */
  readonly save: (document: D, revision: number) => Promise<R>;
  /** The document the server holds and its revision, as loaded; null: unknown, save once to learn its diagnostics. */
  readonly saved: D | null;
  readonly revision: number;
  /** A refusal that means "someone saved since `revision`", else undefined (a plain failure). */
  readonly conflictOf?: (error: unknown) => C | undefined;
  /** Called with every state change (not after `destroy`). */
  readonly onState?: (state: SaveState) => void;
  /** Called with each save's answer (its diagnostics...). */
  readonly onSaved?: (result: R) => void;
  /** Called when a save ran into someone else's: the caller shows it and later calls `keepMine` or `takeTheirs`. */
  readonly onConflict?: (conflict: C) => void;
  /** Quiet time after the last change before saving. */
  readonly delayMs?: number;
  readonly timers?: Timers;
}

/** The autosaver of one draft; see `createAutosaver`. */
export interface Autosaver<D, C> {
  /** The document changed: save it once it has been quiet for `delayMs` (not while in conflict). */
  schedule(document: D): void;
  /**
   * Saves what is unsaved now, after any save under way; resolves with the revision that holds
   * the latest document. Rejects when that save fails or conflicts: nothing may act on a draft
   * the server does not have (publish, dry-run of the saved draft).
   */
  flush(): Promise<{ readonly revision: number }>;
  /** Keep mine over a conflict: save the latest document on top of the server's `revision`. */
  keepMine(revision: number): Promise<{ readonly revision: number }>;
  /** Take theirs: the server's `document` at `revision` is now what is saved (the caller shows it). */
  takeTheirs(document: D, revision: number): void;
  /** Another request (a publish) learnt that the draft moved on: wait for the user as a failed save would. */
  conflict(conflict: C): void;
  state(): SaveState;
  /** Whether the latest document differs from what the server has. */
  unsaved(): boolean;
  /** Stops timers and callbacks; a save under way still completes. */
  destroy(): void;
}

/** Typing a keyword should not send a request per key; half a second after the last change is soon enough. */
export const AUTOSAVE_DELAY_MS = 500;

const browserTimers: Timers = {
  set: (run, ms) => {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Saves a draft a moment after it last changed, one save at a time and in order, each against
 * the revision the previous one answered. A failed save leaves the state `error` and makes
 * `flush` reject; a conflict (someone else saved) pauses saving until `keepMine` or `takeTheirs`.
 * Framework-free: the React hook only connects it.
 * @example
 * const saver = createAutosaver({ save: (doc, revision) => api.saveDraft(id, doc, revision), saved: doc, revision: 3 });
 * saver.schedule(edited);
 * const { revision } = await saver.flush(); // publish exactly this revision
 */
export function createAutosaver<D, R extends SaveResult, C = never>(options: AutosaverOptions<D, R, C>): Autosaver<D, C> {
  const timers = options.timers ?? browserTimers;
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let saved = options.saved;
  let latest = options.saved;
  let revision = options.revision;
  let state: SaveState = { status: 'saved' };
  let cancelPending: (() => void) | undefined = undefined;
  let destroyed = false;
  // Saves run one after another: a slow early save must not land after a later one.
  let queue: Promise<unknown> = Promise.resolve();

  const setState = (next: SaveState) => {
    state = next;
    if (!destroyed) options.onState?.(next);
  };
  const cancelTimer = () => {
    cancelPending?.();
    cancelPending = undefined;
  };

  async function saveLatest(): Promise<{ revision: number }> {
    // In conflict even an unchanged draft is not the server's any more.
    if (state.status === 'conflict') throw new Error('the draft was saved by someone else: keep yours or take theirs first');
    const document = latest;
    if (document === saved || document === null) return { revision };
    setState({ status: 'saving' });
    try {
      const result = await options.save(document, revision);
      saved = document;
      revision = result.revision;
      if (!destroyed) options.onSaved?.(result);
      setState({ status: latest === document ? 'saved' : 'dirty' });
      return { revision };
    } catch (error) {
      const conflict = options.conflictOf?.(error);
      if (conflict !== undefined) {
        setState({ status: 'conflict' });
        if (!destroyed) options.onConflict?.(conflict);
      } else {
        setState({ status: 'error', message: messageOf(error) });
      }
      throw error;
    }
  }

  function flush(): Promise<{ revision: number }> {
    cancelTimer();
    const run = queue.then(saveLatest, saveLatest);
    queue = run.catch(() => undefined);
    return run;
  }

  // A save the timer started has no caller to tell: its failure shows in the state.
  const flushQuietly = () => {
    cancelPending = undefined;
    flush().catch(() => undefined);
  };

  return {
    schedule(document) {
      if (destroyed) return;
      latest = document;
      cancelTimer();
      if (state.status === 'conflict') return;
      if (document === saved) {
        if (state.status === 'dirty') setState({ status: 'saved' });
        return;
      }
      if (state.status !== 'saving' && state.status !== 'error') setState({ status: 'dirty' });
      cancelPending = timers.set(flushQuietly, delay);
    },
    flush,
    keepMine(serverRevision) {
      revision = serverRevision;
      // Saved is no longer what the server has: theirs is; mine goes on top of it.
      saved = null;
      setState({ status: 'dirty' });
      return flush();
    },
    takeTheirs(document, serverRevision) {
      cancelTimer();
      saved = document;
      latest = document;
      revision = serverRevision;
      setState({ status: 'saved' });
    },
    conflict(conflict) {
      cancelTimer();
      setState({ status: 'conflict' });
      if (!destroyed) options.onConflict?.(conflict);
    },
    state: () => state,
    unsaved: () => latest !== saved,
    destroy() {
      cancelTimer();
      destroyed = true;
    },
  };
}
