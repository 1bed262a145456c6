import type { BacktestTicket, CatalogEntry, VersionSummary } from '@switchyard/api';
import { Channel, type FlowDocument } from '@switchyard/flow';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { useGate } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import { type BacktestForm, type BacktestTarget, backtestRequest, defaultForm, formProblem } from '../model/backtest-form';
import { BacktestSummaryView } from './backtest-summary';
import { BacktestTicketView } from './backtest-ticket';
import { useBacktest } from './use-backtest';

/** One backtested ticket opened: both replays, and the document their paths are drawn on. */
export interface BacktestOpened {
  readonly ticket: BacktestTicket;
  /** The version the job replayed, when it was one (the canvas shows it); null for the draft. */
  readonly document: FlowDocument | null;
}

interface BacktestPanelProps {
  readonly flowId: string;
  readonly doc: FlowDocument;
  readonly versions: readonly VersionSummary[];
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  /** What an action elsewhere (the toolbar, a version's row) asked to test; a new object each time. */
  readonly request: { readonly target: BacktestTarget } | null;
  readonly opened: BacktestOpened | null;
  readonly onOpen: (opened: BacktestOpened | null) => void;
}

/**
 * "Test on past tickets": replays the tickets of a window through the draft or a version beside
 * the versions they really ran, shows the job's progress, then what would change and for which
 * tickets; a ticket opens both replays side by side and lights both paths on the canvas.
 */
export function BacktestPanel({ flowId, doc, versions, catalog, request, opened, onOpen }: BacktestPanelProps) {
  const { t } = useI18n();
  const gate = useGate('flows.dry_run');
  const [form, setForm] = useState<BacktestForm>(() => defaultForm(new Date(), request?.target));
  const { job, starting, error, start, cancel } = useBacktest(flowId);
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => {
    if (request) setForm((f) => ({ ...f, target: request.target }));
  }, [request]);
  const problem = formProblem(form);
  const set = (patch: Partial<BacktestForm>) => setForm((f) => ({ ...f, ...patch }));

  async function open(ticketId: string) {
    if (!job) return;
    setOpenError(null);
    try {
      const [ticket, version] = await Promise.all([
        api.backtestTicket(job.id, ticketId),
        job.version === null ? Promise.resolve(null) : api.getVersion(flowId, job.version),
      ]);
      onOpen({ ticket, document: version?.document ?? null });
    } catch (e) {
      setOpenError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="backtest" data-testid="backtest-panel">
      <p className="muted small">{t('backtest.intro')}</p>
      <form
        className="backtest-form"
        onSubmit={(e) => {
          e.preventDefault();
          onOpen(null);
          void start(backtestRequest(form, doc));
        }}
      >
        <label>
          {t('backtest.target')}
          <select
            value={String(form.target)}
            onChange={(e) => set({ target: e.target.value === 'draft' ? 'draft' : Number(e.target.value) })}
            data-testid="backtest-target"
          >
            <option value="draft">{t('dryRun.draft')}</option>
            {[...versions].reverse().map((v) => (
              <option key={v.version} value={v.version}>
                {t('versions.version', { version: v.version })}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <label>
            {t('backtest.from')}
            <input type="datetime-local" value={form.from} onChange={(e) => set({ from: e.target.value })} data-testid="backtest-from" />
          </label>
          <label>
            {t('backtest.to')}
            <input type="datetime-local" value={form.to} onChange={(e) => set({ to: e.target.value })} data-testid="backtest-to" />
          </label>
        </div>
        <details className="backtest-filter">
          <summary>{t('backtest.filter')}</summary>
          <div className="row">
            <label>
              {t('dryRun.field.group')}
              <input value={form.group} onChange={(e) => set({ group: e.target.value })} data-testid="backtest-group" />
            </label>
            <label>
              {t('dryRun.channel')}
              <select
                value={form.channel}
                onChange={(e) => {
                  const channel = Channel.safeParse(e.target.value);
                  set({ channel: channel.success ? channel.data : '' });
                }}
                data-testid="backtest-channel"
              >
                <option value="">{t('backtest.anyChannel')}</option>
                {Channel.options.map((c) => (
                  <option key={c} value={c}>
                    {t(`dryRun.channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('dryRun.field.category')}
              <input value={form.category} onChange={(e) => set({ category: e.target.value })} data-testid="backtest-category" />
            </label>
          </div>
        </details>
        {problem && <p className="error small">{t(problem)}</p>}
        <button
          type="submit"
          className="primary"
          disabled={starting || problem !== null || job?.status === 'running' || !gate.allowed}
          title={gate.reason}
          data-testid="backtest-start"
        >
          {starting ? t('backtest.starting') : t('backtest.start')}
        </button>
      </form>
      {error && <p className="error">{error}</p>}
      {job && (
        <BacktestSummaryView
          job={job}
          opened={opened?.ticket.ticketId ?? null}
          onOpen={(id) => void open(id)}
          onCancel={() => void cancel()}
        />
      )}
      {openError && <p className="error">{openError}</p>}
      {opened && job && (
        <BacktestTicketView
          ticket={opened.ticket}
          flowId={flowId}
          doc={opened.document ?? doc}
          catalog={catalog}
          candidateLabel={job.version === null ? t('dryRun.draft') : t('versions.version', { version: job.version })}
          onClose={() => onOpen(null)}
        />
      )}
    </div>
  );
}
