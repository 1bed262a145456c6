import { describe, expect, it } from 'vitest';
import { createAutosaver, type SaveState, type Timers } from './autosaver';
import { publishDraft } from './publish-draft';

/** A draft store that behaves like the server: revisions, 409 on a stale one, failures on demand. */
class DraftStore {
  revision = 1;
  document = 'v0';
  failNext: Error | null = null;
  readonly saves: { document: string; revision: number }[] = [];
  private held: (() => void)[] = [];
  hold = false;

  async save(document: string, revision: number): Promise<{ revision: number; diagnostics: string[] }> {
    if (this.hold) await new Promise<void>((release) => this.held.push(release));
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    if (revision !== this.revision) throw new Conflict(this.revision, this.document);
    this.saves.push({ document, revision });
    this.document = document;
    this.revision += 1;
    return { revision: this.revision, diagnostics: [`checked ${document}`] };
  }

  /** Someone else saves in between (another tab, a colleague). */
  saveElsewhere(document: string): void {
    this.document = document;
    this.revision += 1;
  }

  release(): void {
    this.hold = false;
    for (const release of this.held.splice(0)) release();
  }
}

class Conflict extends Error {
  constructor(
    readonly revision: number,
    readonly document: string,
  ) {
    super('conflict');
  }
}

/** Timers the test fires by hand: no waiting, no timed assertions. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  let due = new Map<number, () => void>();
  let next = 0;
  return {
    set: (run) => {
      const handle = ++next;
      due.set(handle, run);
      return () => void due.delete(handle);
    },
    fire: () => {
      const runs = [...due.values()];
      due = new Map();
      for (const run of runs) run();
    },
    pending: () => due.size,
  };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const store = new DraftStore();
  const timers = manualTimers();
  const states: SaveState['status'][] = [];
  const conflicts: Conflict[] = [];
  const diagnostics: string[][] = [];
  const saver = createAutosaver({
    save: (document: string, revision: number) => store.save(document, revision),
    saved: 'v0',
    revision: 1,
    conflictOf: (error) => (error instanceof Conflict ? error : undefined),
    onState: (state) => states.push(state.status),
    onSaved: (result) => diagnostics.push(result.diagnostics),
    onConflict: (conflict) => conflicts.push(conflict),
    timers,
  });
  return { store, timers, saver, states, conflicts, diagnostics };
}

describe('createAutosaver', () => {
  it('saves once the edits are quiet, each save against the revision the last one answered', async () => {
    const { store, timers, saver, diagnostics } = setup();
    saver.schedule('v1');
    saver.schedule('v2');
    expect(saver.state().status).toBe('dirty');
    expect(timers.pending()).toBe(1);
    timers.fire();
    await settle();
    expect(store.saves).toEqual([{ document: 'v2', revision: 1 }]);
    expect(diagnostics).toEqual([['checked v2']]);
    saver.schedule('v3');
    await expect(saver.flush()).resolves.toEqual({ revision: 3 });
    expect(store.saves.at(-1)).toEqual({ document: 'v3', revision: 2 });
    expect(saver.state().status).toBe('saved');
    // Nothing new: no request, the same revision.
    await expect(saver.flush()).resolves.toEqual({ revision: 3 });
    expect(store.saves).toHaveLength(2);
  });

  it('saves an edit made during a slow save after it, in order', async () => {
    const { store, saver } = setup();
    store.hold = true;
    saver.schedule('v1');
    const first = saver.flush();
    await settle();
    expect(saver.state().status).toBe('saving');
    saver.schedule('v2');
    const second = saver.flush();
    store.release();
    await expect(first).resolves.toEqual({ revision: 2 });
    await expect(second).resolves.toEqual({ revision: 3 });
    expect(store.saves.map((s) => s.document)).toEqual(['v1', 'v2']);
    expect(store.document).toBe('v2');
  });

  it('rejects flush when the save fails, says so in the state, and saves again on the next flush', async () => {
    const { store, saver } = setup();
    saver.schedule('v1');
    store.failNext = new Error('502 Bad Gateway');
    await expect(saver.flush()).rejects.toThrow('502 Bad Gateway');
    expect(saver.state()).toEqual({ status: 'error', message: '502 Bad Gateway' });
    expect(saver.unsaved()).toBe(true);
    await expect(saver.flush()).resolves.toEqual({ revision: 2 });
    expect(store.document).toBe('v1');
  });

  it('never publishes after a failed save, and publishes exactly the saved revision otherwise', async () => {
    const { store, saver } = setup();
    const published: number[] = [];
    const publish = (revision: number) => {
      published.push(revision);
      return Promise.resolve({ version: published.length });
    };
    saver.schedule('v1');
    store.failNext = new Error('the server is down');
    const refused = await publishDraft(() => saver.flush(), publish);
    expect(refused).toMatchObject({ kind: 'notSaved', error: new Error('the server is down') });
    expect(published).toEqual([]);
    expect(await publishDraft(() => saver.flush(), publish)).toEqual({ kind: 'published', published: { version: 1 } });
    expect(published).toEqual([2]);
  });

  it('stops on a conflict until the user keeps theirs or takes the other one, losing neither', async () => {
    const { store, timers, saver, conflicts } = setup();
    store.saveElsewhere('theirs');
    saver.schedule('mine');
    await expect(saver.flush()).rejects.toBeInstanceOf(Conflict);
    expect(saver.state().status).toBe('conflict');
    expect(conflicts).toEqual([expect.objectContaining({ revision: 2, document: 'theirs' })]);
    // While the user decides, edits wait and nothing is sent over theirs; publish is not sent either.
    saver.schedule('mine, edited');
    expect(timers.pending()).toBe(0);
    expect(
      await publishDraft(
        () => saver.flush(),
        () => Promise.resolve('published'),
      ),
    ).toMatchObject({ kind: 'notSaved' });
    expect(store.document).toBe('theirs');
    // Keep mine: saved on top of their revision.
    await expect(saver.keepMine(conflicts[0]!.revision)).resolves.toEqual({ revision: 3 });
    expect(store.saves.at(-1)).toEqual({ document: 'mine, edited', revision: 2 });
    expect(saver.state().status).toBe('saved');
  });

  it('takes theirs: their document is what is saved, and editing goes on from their revision', async () => {
    const { store, saver, conflicts } = setup();
    store.saveElsewhere('theirs');
    saver.schedule('mine');
    await saver.flush().catch(() => undefined);
    const conflict = conflicts[0]!;
    saver.takeTheirs(conflict.document, conflict.revision);
    expect(saver.state().status).toBe('saved');
    saver.schedule('theirs');
    expect(saver.unsaved()).toBe(false);
    saver.schedule('theirs, edited');
    await expect(saver.flush()).resolves.toEqual({ revision: 3 });
    expect(store.saves.at(-1)).toEqual({ document: 'theirs, edited', revision: 2 });
  });

  it('waits for the user when a publish learnt the draft moved on', async () => {
    const { saver, conflicts } = setup();
    saver.conflict(new Conflict(5, 'newer'));
    expect(saver.state().status).toBe('conflict');
    expect(conflicts).toHaveLength(1);
    await expect(saver.flush()).rejects.toThrow(/someone else/);
  });

  it('stops its timer and callbacks when destroyed', () => {
    const { timers, saver, states } = setup();
    saver.schedule('v1');
    saver.destroy();
    expect(timers.pending()).toBe(0);
    saver.schedule('v2');
    expect(states).toEqual(['dirty']);
  });
});
