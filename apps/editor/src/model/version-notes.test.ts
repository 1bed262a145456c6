import { describe, expect, it } from 'vitest';
import { notesBetween } from './version-notes';

const at = '2026-05-01T09:00:00.000Z';
const versions = [
  { version: 1, author: 'li', createdAt: at, note: 'first 首版' },
  { version: 2, author: 'li', createdAt: at, note: null },
  { version: 3, author: 'wang', createdAt: at, note: 'VIP 回复更礼貌' },
  { version: 4, author: 'wang', createdAt: at },
];

describe('notesBetween', () => {
  it('lists the notes of the versions after the older side up to the newer one, either way round', () => {
    expect(notesBetween(versions, 1, 3)).toEqual([{ version: 3, note: 'VIP 回复更礼貌' }]);
    expect(notesBetween(versions, 3, 1)).toEqual([{ version: 3, note: 'VIP 回复更礼貌' }]);
    expect(notesBetween(versions, 3, 3)).toEqual([]);
  });

  it('counts the draft as newer than every version, and a save conflict as having none', () => {
    expect(notesBetween(versions, 'draft', 0).map((n) => n.version)).toEqual([1, 3]);
    expect(notesBetween(versions, 2, 'draft').map((n) => n.version)).toEqual([3]);
    expect(notesBetween(versions, 'theirs', 'mine')).toEqual([]);
  });
});
