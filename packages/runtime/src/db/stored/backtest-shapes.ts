import { BacktestDifference, BacktestFilter, ReplayRun } from '@switchyard/api';
import { z } from 'zod';
import { defineStoredShape } from './stored-shape';

/** `backtests.filter`: which recorded tickets the job replays besides its window. */
export const backtestFilterShape = defineStoredShape({
  name: 'backtest-filter',
  version: 1,
  schema: BacktestFilter,
  migrations: [(v0) => v0],
});

/** `backtest_tickets.summary`: how a ticket's outcome differs, or where its replay disagreed with production. */
export const backtestDifferenceShape = defineStoredShape({
  name: 'backtest-difference',
  version: 1,
  schema: BacktestDifference,
  migrations: [(v0) => v0],
});

/** Both replays of a ticket and the roster they used. */
export const BacktestReplays = z.object({ roster: z.enum(['recorded', 'today']), baseline: ReplayRun, candidate: ReplayRun });
export type BacktestReplays = z.infer<typeof BacktestReplays>;

/** `backtest_tickets.detail`: the baseline and candidate replays side by side. */
export const backtestReplaysShape = defineStoredShape({
  name: 'backtest-replays',
  version: 1,
  schema: BacktestReplays,
  migrations: [(v0) => v0],
});
