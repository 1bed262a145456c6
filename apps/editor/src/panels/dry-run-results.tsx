import type { DryRunResult } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import type { OutcomeRow } from '../model/dry-run-summary';
import { stableJson } from '../model/stable-json';
import { virtualOffset } from '../model/virtual-time';

const finalText = (r: DryRunResult): string =>
  Object.entries(r.final)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join(', ');

/** One side's run of one ticket: the timeline of actions at their virtual times, the outcome, the errors. */
function RunDetail({ result, createdAt, flowId }: { result: DryRunResult | undefined; createdAt: string; flowId: string }) {
  const { t } = useI18n();
  if (!result) return <p className="muted small">—</p>;
  return (
    <div className="run-detail">
      <ol className="timeline" data-testid="timeline">
        {result.actions.length === 0 && <li className="muted small">{t('dryRun.noActions')}</li>}
        {result.actions.map((a, i) => (
          <li key={i} className="small">
            <span className="at" title={a.at}>
              {virtualOffset(a.at, createdAt)}
            </span>{' '}
            {a.flow !== flowId && <span className="muted">{a.flow} · </span>}
            <code>{a.node}</code> <strong>{a.type}</strong> <span className="muted">{stableJson(a.params).slice(0, 120)}</span>
          </li>
        ))}
      </ol>
      <p className="small">{t('dryRun.final', { final: finalText(result) })}</p>
      {result.errors.map((e, i) => (
        <p key={i} className="error small">
          {virtualOffset(e.at, createdAt)} {e.node ?? ''}: {e.message}
        </p>
      ))}
    </div>
  );
}

/** Tickets with their runs, side by side when two were run; a click highlights the ticket's path. */
export function DryRunResults({
  rows,
  flowId,
  twoSides,
  sideLabels,
  highlighted,
  createdAtOf,
  onHighlight,
}: {
  rows: readonly OutcomeRow[];
  /** Actions of other flows (run alongside) name their flow. */
  flowId: string;
  twoSides: boolean;
  /** What each side ran against ("v1", "Draft"), as column heads. */
  sideLabels: readonly [string, string];
  highlighted: string | null;
  createdAtOf: (ticketId: string) => string;
  onHighlight: (ticketId: string | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="dry-run-results" data-testid="dry-run-results">
      <h3>{t('dryRun.timeline')}</h3>
      {twoSides && (
        <div className="side-by-side side-heads">
          <strong>{sideLabels[0]}</strong>
          <strong>{sideLabels[1]}</strong>
        </div>
      )}
      {rows.map((row) => (
        <section
          key={row.ticketId}
          className={`ticket-run ${row.differs && twoSides ? 'differs' : ''} ${highlighted === row.ticketId ? 'highlighted' : ''}`}
          data-testid="ticket-run"
          data-ticket-id={row.ticketId}
        >
          <button
            type="button"
            className="link"
            onClick={() => onHighlight(highlighted === row.ticketId ? null : row.ticketId)}
            title={t('dryRun.highlight')}
          >
            {t('dryRun.ticket', { id: row.ticketId })}
          </button>
          {twoSides && (
            <span className={`pill ${row.differs ? 'invalid' : 'valid'}`}>{row.differs ? t('dryRun.differs') : t('dryRun.same')}</span>
          )}
          <div className={twoSides ? 'side-by-side' : ''}>
            <RunDetail result={row.left} createdAt={createdAtOf(row.ticketId)} flowId={flowId} />
            {twoSides && <RunDetail result={row.right} createdAt={createdAtOf(row.ticketId)} flowId={flowId} />}
          </div>
        </section>
      ))}
    </div>
  );
}
