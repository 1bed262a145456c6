import type { BacktestRequest } from '@switchyard/api';
import type { Channel, FlowDocument } from '@switchyard/flow';

/** What a backtest runs: the draft being edited or a published version. */
export type BacktestTarget = 'draft' | number;

/** The backtest form as typed: times as `datetime-local` values (local time, minutes). */
export interface BacktestForm {
  readonly target: BacktestTarget;
  readonly from: string;
  readonly to: string;
  readonly group: string;
  readonly channel: Channel | '';
  readonly category: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `datetime-local` value for an instant, in the browser's zone.
 * @example localInput(new Date(2026, 0, 5, 9, 30)) // "2026-01-05T09:30"
 */
export function localInput(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The default window: the last seven days up to the next whole minute (the end is not included). */
export function defaultForm(now: Date, target: BacktestTarget = 'draft'): BacktestForm {
  const to = new Date(now.getTime() + 60_000);
  to.setSeconds(0, 0);
  const from = new Date(to.getTime() - 7 * 86_400_000);
  return { target, from: localInput(from), to: localInput(to), group: '', channel: '', category: '' };
}

/** Why the form cannot start a job, as a message key, or null when it can. */
export function formProblem(form: BacktestForm): 'backtest.badWindow' | null {
  const from = new Date(form.from).getTime();
  const to = new Date(form.to).getTime();
  return Number.isFinite(from) && Number.isFinite(to) && from < to ? null : 'backtest.badWindow';
}

/**
 * The request body for a form: the draft goes as the document on screen (newer than the last
 * autosave, perhaps), a version by its number; empty filter fields are left out.
 * @example backtestRequest({ ...defaultForm(new Date()), target: 2 }, doc).version // 2
 */
export function backtestRequest(form: BacktestForm, draft: FlowDocument): BacktestRequest {
  const filter = {
    ...(form.group.trim() ? { group: form.group.trim() } : {}),
    ...(form.channel ? { channel: form.channel } : {}),
    ...(form.category.trim() ? { category: form.category.trim() } : {}),
  };
  return {
    ...(form.target === 'draft' ? { document: draft } : { version: form.target }),
    from: new Date(form.from).toISOString(),
    to: new Date(form.to).toISOString(),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
  };
}
