import { describe, expect, it } from 'vitest';
import { startPhases } from './start-phases';

describe('startPhases', () => {
  it('times each phase from the end of the one before, wall and CPU, with the total since the process began', () => {
    let wall = 100;
    let cpu = 40;
    const phases = startPhases({ wall: () => wall, cpu: () => cpu });
    phases.mark('load');
    wall = 350;
    cpu = 90;
    phases.mark('open');
    wall = 400.4;
    cpu = 91;
    phases.mark('seed');
    expect(phases.report()).toEqual({
      ms: { load: 100, open: 250, seed: 50, total: 400 },
      cpuMs: { load: 40, open: 50, seed: 1, total: 91 },
    });
  });
});
