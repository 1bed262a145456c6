export { startBacktest } from './start-backtest';
export { cancelBacktest, deleteBacktest, getBacktest, getBacktestTicket, listBacktests } from './backtest-views';
export { BACKTEST_BATCH, BACKTEST_LEASE_MS, runBacktestSlice } from './run-backtest-slice';
