import type { BacktestTicket, CatalogEntry } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { RunDetail } from './dry-run-results';

interface BacktestTicketViewProps {
  readonly ticket: BacktestTicket;
  readonly flowId: string;
  readonly doc: FlowDocument;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  /** What the job replayed ("Draft", "Version 3"), as the candidate's column head. */
  readonly candidateLabel: string;
  readonly onClose: () => void;
}

/** The earliest instant either replay recorded (the trigger acts on arrival): what the timelines count from. */
function arrivalOf(ticket: BacktestTicket): string {
  const times = [...ticket.baseline.actions, ...ticket.candidate.actions, ...ticket.baseline.errors, ...ticket.candidate.errors]
    .map((a) => Date.parse(a.at))
    .filter(Number.isFinite);
  return times.length ? new Date(Math.min(...times)).toISOString() : new Date(0).toISOString();
}

/** One backtested ticket: the legend of the two paths lit together on the canvas, then both replays' timelines, one above the other. */
export function BacktestTicketView({ ticket, flowId, doc, catalog, candidateLabel, onClose }: BacktestTicketViewProps) {
  const { t } = useI18n();
  const section = useRef<HTMLElement>(null);
  const arrival = arrivalOf(ticket);
  // Opened from the list above it: brought into view, or the click would seem to do nothing but light the canvas.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
  }, [ticket.ticketId]);
  return (
    <section ref={section} className="backtest-ticket" data-testid="backtest-ticket" data-ticket-id={ticket.ticketId}>
      <h3>
        {t('backtest.ticketTitle', { number: ticket.number })}{' '}
        <button type="button" className="small" onClick={onClose} data-testid="backtest-ticket-close">
          {t('backtest.closeTicket')}
        </button>
      </h3>
      <p className="small">{ticket.subject}</p>
      <p className="path-legend small">
        <span className="swatch path-baseline" /> {t('backtest.baselinePath')} <span className="swatch path-candidate" />{' '}
        {t('backtest.candidatePath', { target: candidateLabel })} <span className="swatch path-both" /> {t('backtest.bothPaths')}
      </p>
      {ticket.roster === 'today' && <p className="muted small">{t('backtest.rosterToday')}</p>}
      {/* One above the other: two timelines side by side do not fit the 400px panel; the canvas shows both paths together. */}
      {(
        [
          ['baseline', t('backtest.baseline'), ticket.baseline],
          ['candidate', candidateLabel, ticket.candidate],
        ] as const
      ).map(([side, label, run]) => (
        <div key={side} className={`backtest-side side-${side}`} data-testid={`backtest-${side}`}>
          <h4>
            <span className={`swatch path-${side}`} /> {label}
          </h4>
          <RunDetail result={run} createdAt={arrival} context={{ flowId, doc, catalog }} raw={false} />
        </div>
      ))}
    </section>
  );
}
