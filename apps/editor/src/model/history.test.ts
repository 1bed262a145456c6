import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, checkpoint, commit, createHistory, redo, replace, undo } from './history';

describe('history', () => {
  it('undoes and redoes commits', () => {
    let h = createHistory(1);
    h = commit(h, 2);
    h = commit(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo stack on a new commit', () => {
    let h = commit(commit(createHistory('a'), 'b'), 'c');
    h = commit(undo(h), 'd');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('makes a drag one undo step: checkpoint, then replaces', () => {
    let h = createHistory({ x: 0 });
    h = checkpoint(h);
    h = replace(h, { x: 5 });
    h = replace(h, { x: 10 });
    expect(h.present).toEqual({ x: 10 });
    expect(undo(h).present).toEqual({ x: 0 });
  });

  it('ignores undo and redo at the ends', () => {
    const h = createHistory(1);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('ignores a commit of the same value', () => {
    const h = createHistory(1);
    expect(commit(h, 1)).toBe(h);
  });
});
