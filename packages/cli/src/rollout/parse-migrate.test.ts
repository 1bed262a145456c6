import { describe, expect, it } from 'vitest';
import { parseMigrate } from './parse-migrate';

describe('parseMigrate', () => {
  it('reads <from>:<to>, with or without a "v" and spaces', () => {
    expect(parseMigrate('4:3')).toEqual({ versions: { from: 4, to: 3 } });
    expect(parseMigrate(' v2 : v10 ')).toEqual({ versions: { from: 2, to: 10 } });
  });

  it.each(['4', '4:', ':3', '4-3', '4:3:2', 'a:b', '0:1', '1.5:2', '-1:2', ''])('refuses %j as syntax', (text) => {
    expect(parseMigrate(text)).toEqual({ problem: 'syntax' });
  });

  it('refuses moving a version onto itself', () => {
    expect(parseMigrate('3:3')).toEqual({ problem: 'same' });
  });
});
