/** The phases of a start, in order; each is timed from the end of the one before. */
export type StartPhase = 'load' | 'services' | 'template' | 'open' | 'migrate' | 'prepare' | 'seed' | 'backfill' | 'listen';

type PhaseTimes = Partial<Record<StartPhase | 'total', number>>;

export interface StartPhases {
  /** Ends `phase` now: its time is what passed since the previous mark (or since the process began, for the first). */
  mark(phase: StartPhase): void;
  /** Per phase ended so far, and `total` since the process began: wall-clock ms, and CPU ms (user + system, every thread). */
  report(): { readonly ms: PhaseTimes; readonly cpuMs: PhaseTimes };
}

interface Clocks {
  /** Wall-clock ms since the process began. */
  readonly wall: () => number;
  /** CPU ms the process used so far. */
  readonly cpu: () => number;
}

const processClocks: Clocks = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/**
 * Times the phases of a start against the process's own clocks, so `load` (Node starting and
 * the server's modules loading) counts too. CPU time beside wall time: on a busy machine the
 * wall clock mostly measures the neighbours. Logged with "switchyard is serving".
 * @example const phases = startPhases(); phases.mark('load'); … phases.report().ms // { load: 812, open: 640, …, total: 2400 }
 */
export function startPhases(clocks: Clocks = processClocks): StartPhases {
  const ms: PhaseTimes = {};
  const cpuMs: PhaseTimes = {};
  let last = { wall: 0, cpu: 0 };
  return {
    mark(phase) {
      const now = { wall: clocks.wall(), cpu: clocks.cpu() };
      ms[phase] = Math.round((ms[phase] ?? 0) + now.wall - last.wall);
      cpuMs[phase] = Math.round((cpuMs[phase] ?? 0) + now.cpu - last.cpu);
      last = now;
    },
    report: () => ({ ms: { ...ms, total: Math.round(clocks.wall()) }, cpuMs: { ...cpuMs, total: Math.round(clocks.cpu()) } }),
  };
}
