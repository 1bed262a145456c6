import { QUEUE_VIEWS, type QueueCounts, type QueueView, type TicketView } from '@switchyard/api';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { countdown, step } from '../model/console-text';
import { NoticesPanel } from './notices-panel';
import { useTicketStream } from './use-ticket-stream';
import { statusLabel } from './status-label';

const VIEW_LABELS: Record<QueueView, MessageKey> = {
  mine: 'console.view.mine',
  group: 'console.view.group',
  unassigned: 'console.view.unassigned',
  at_risk: 'console.view.at_risk',
  overdue: 'console.view.overdue',
  abnormal: 'console.view.abnormal',
  all: 'console.view.all',
};

/** The service console's queue: views with counts, search, urgency order, live updates, j/k to move, Enter to open. */
export function QueuePage({ view }: { view: QueueView }) {
  const { t } = useI18n();
  const supervises = useCan('tickets.supervise');
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<TicketView[]>([]);
  // "No tickets" only once an answer came: not while the first page loads.
  const [loaded, setLoaded] = useState(false);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const load = useCallback(() => {
    api.listTickets({ view, sort: 'urgency', limit: 100, ...(q.trim() ? { q: q.trim() } : {}) }).then(
      (list) => {
        setRows(list);
        setLoaded(true);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    api.queueCounts().then(setCounts, () => setCounts(null));
  }, [view, q]);
  useEffect(load, [load]);
  useTicketStream(load);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'j') setSelected((i) => step(i, 1, rows.length));
      else if (event.key === 'k') setSelected((i) => step(i, -1, rows.length));
      else if (event.key === 'Enter' && rows[selected]) window.location.hash = `#/tickets/${encodeURIComponent(rows[selected].id)}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected]);
  return (
    <div className="console-page" data-testid="queue-page">
      <nav className="console-views" aria-label={t('console.views')}>
        {QUEUE_VIEWS.filter((v) => v !== 'abnormal' || supervises).map((v) => (
          <a key={v} href={`#/console/${v}`} aria-current={v === view ? 'page' : undefined} data-testid={`view-${v}`}>
            {t(VIEW_LABELS[v])} <span className="pill">{counts?.queues[v] ?? '·'}</span>
          </a>
        ))}
      </nav>
      <div className="row">
        <input
          type="search"
          data-testid="queue-search"
          placeholder={t('console.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label={t('console.search')}
        />
        <span className="muted small">{t('console.keys')}</span>
      </div>
      {error && <p className="error">{error}</p>}
      <table className="flows-table console-table" data-testid="queue-table">
        <thead>
          <tr>
            <th>{t('console.number')}</th>
            <th>{t('console.subject')}</th>
            <th>{t('console.priority')}</th>
            <th>{t('console.status')}</th>
            <th>{t('console.group')}</th>
            <th>{t('console.assignee')}</th>
            <th>{view === 'abnormal' ? t('console.stepInBy') : t('console.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            // Once a supervisor stepped in, no time is left to count down.
            const abnormal = row.queue?.abnormal;
            const due = view === 'abnormal' ? (abnormal && !abnormal.steppedIn ? abnormal.stepInBy : undefined) : row.queue?.dueAt;
            return (
              <tr
                key={row.id}
                aria-selected={i === selected}
                className={i === selected ? 'selected' : undefined}
                onClick={() => setSelected(i)}
              >
                <td>
                  <a href={`#/tickets/${encodeURIComponent(row.id)}`}>{row.number}</a>
                </td>
                <td>
                  {row.subject}
                  {row.queue?.atRisk && <span className="pill warn">{t('console.atRisk')}</span>}
                  {row.queue?.overdue && <span className="pill danger">{t('console.overdue')}</span>}
                  {row.queue?.abnormal && !row.queue.abnormal.steppedIn && (
                    <span className="pill danger">{t('console.view.abnormal')}</span>
                  )}
                  {row.queue?.abnormal?.steppedIn && <span className="pill">{t('console.steppedIn')}</span>}
                </td>
                <td>{t(`console.priority.${row.priority}`)}</td>
                <td>{statusLabel(t, row.status)}</td>
                <td>{row.group ?? '—'}</td>
                <td>{row.assignee ?? '—'}</td>
                <td className="countdown">{due ? countdown(due, now) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {loaded && rows.length === 0 && <p className="muted">{t('console.empty')}</p>}
      <NoticesPanel />
      {counts && counts.agents.length > 0 && (
        <table className="flows-table console-agents" data-testid="agent-counts">
          <thead>
            <tr>
              <th>{t('console.agent')}</th>
              <th>{t('console.open')}</th>
              <th>{t('console.atRisk')}</th>
              <th>{t('console.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.agents.map((a) => (
              <tr key={a.agentId}>
                <td>{a.name}</td>
                <td>{a.open}</td>
                <td>{a.atRisk}</td>
                <td>{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
