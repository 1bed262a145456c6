import type { Backtest, BacktestDifference, ReplayError } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { stableJson } from '../model/stable-json';

/** A replay error in a line: what differs first, in which flow, production's value against the replay's. */
function ReplayErrorText({ error }: { error: ReplayError }) {
  const { t } = useI18n();
  const short = (v: unknown) => {
    const text = stableJson(v) ?? String(v);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  return (
    <span className="error small" data-testid="replay-error">
      {t('backtest.replayError', { field: error.field, flow: error.flow ?? '—' })} {t('backtest.production')}{' '}
      <code>{short(error.production)}</code> {t('backtest.replay')} <code>{short(error.replay)}</code>
    </span>
  );
}

/** A ticket of the job as a button that opens it: its number, and its subject on hover. */
function TicketButton({ d, opened, onOpen }: { d: BacktestDifference; opened: boolean; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      className={`link ticket-chip ${opened ? 'opened' : ''}`}
      title={d.subject}
      onClick={() => onOpen(d.ticketId)}
      data-testid="backtest-ticket-link"
      data-ticket-id={d.ticketId}
    >
      {d.number}
    </button>
  );
}

interface SummaryProps {
  readonly job: Backtest;
  readonly opened: string | null;
  readonly onOpen: (ticketId: string) => void;
  readonly onCancel: () => void;
}

/** A backtest's progress (partial while it runs), its figures, what would change by kind, and the differing tickets. */
export function BacktestSummaryView({ job, opened, onOpen, onCancel }: SummaryProps) {
  const { t, locale } = useI18n();
  const byId = new Map(job.differences.map((d) => [d.ticketId, d]));
  const target = job.version === null ? t('dryRun.draft') : t('versions.version', { version: job.version });
  const window = `${new Date(job.from).toLocaleString(locale)} – ${new Date(job.to).toLocaleString(locale)}`;
  return (
    <section className="backtest-job" data-testid="backtest-job" data-status={job.status} data-backtest-id={job.id}>
      <h3>
        {t('backtest.jobTitle', { target })} <span className={`pill status-${job.status}`}>{t(`backtest.status.${job.status}`)}</span>
      </h3>
      <p className="muted small">{window}</p>
      <div className="row">
        <progress max={Math.max(job.total, 1)} value={job.done} data-testid="backtest-progress" />
        <span className="small">{t('backtest.progress', { done: job.done, total: job.total })}</span>
        {job.status === 'running' && (
          <button type="button" className="small" onClick={onCancel} data-testid="backtest-cancel">
            {t('backtest.cancel')}
          </button>
        )}
      </div>
      {job.error && <p className="error">{job.error}</p>}
      <dl className="backtest-figures" data-testid="backtest-figures">
        <dt>{t('backtest.replayed')}</dt>
        <dd data-testid="backtest-replayed">{job.done}</dd>
        <dt>{t('backtest.differing')}</dt>
        <dd data-testid="backtest-differing">{job.differing}</dd>
        <dt>{t('backtest.replayErrors')}</dt>
        <dd data-testid="backtest-replay-errors" className={job.replayErrors > 0 ? 'error' : ''}>
          {job.replayErrors}
        </dd>
      </dl>
      {job.roster === 'today' && <p className="muted small">{t('backtest.rosterToday')}</p>}
      {job.byKind.length > 0 && (
        <>
          <h3>{t('backtest.byKind')}</h3>
          <ul className="backtest-kinds" data-testid="backtest-kinds">
            {job.byKind.map((k) => (
              <li key={k.kind} data-kind={k.kind}>
                <strong>{t(`backtest.kind.${k.kind}`)}</strong>{' '}
                <span className="muted small">{t('backtest.tickets', { count: k.tickets.length })}</span>
                <div className="ticket-chips">
                  {k.tickets.map((id) => {
                    const d = byId.get(id);
                    return d ? <TicketButton key={id} d={d} opened={opened === id} onOpen={onOpen} /> : null;
                  })}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {job.differences.length > 0 ? (
        <>
          <h3>{t('backtest.differingTickets')}</h3>
          <ul className="backtest-tickets" data-testid="backtest-differences">
            {job.differences.map((d) => (
              <li
                key={d.ticketId}
                className={opened === d.ticketId ? 'opened' : ''}
                data-testid="backtest-difference"
                data-ticket-id={d.ticketId}
              >
                <TicketButton d={d} opened={opened === d.ticketId} onOpen={onOpen} /> <span className="subject">{d.subject}</span>
                <div className="small muted">{d.kinds.map((k) => t(`backtest.kind.${k}`)).join(locale === 'en' ? ', ' : '、')}</div>
                {d.replayError && <ReplayErrorText error={d.replayError} />}
              </li>
            ))}
          </ul>
        </>
      ) : (
        job.status === 'done' && <p className="muted">{t('backtest.noDifferences')}</p>
      )}
    </section>
  );
}
