import { type ApprovalView, ROLE_LABELS } from '@switchyard/api';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';
import { ApprovalDecideForm } from './approval-decide-form';
import { useApprovalCount } from './approval-count-context';

type Filter = 'waiting' | 'decided';

/**
 * Approvals (issue 21): what flows ask the signed-in person (their role or them) to approve, with
 * the ticket, the node's question, the flow that asked, since when and until when; approve or
 * reject with a note. "Decided" shows the decisions taken, newest first.
 */
export function ApprovalsPage({ filter }: { filter: Filter }) {
  const { t, locale } = useI18n();
  const { reload: reloadCount } = useApprovalCount();
  const [rows, setRows] = useState<readonly ApprovalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const load = useCallback(() => {
    api.approvals(filter).then(
      (list) => {
        setRows(list);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [filter]);
  useEffect(load, [load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const askedOf = (a: ApprovalView) => a.user ?? (a.role ? t('approvals.role', { role: ROLE_LABELS[a.role][locale] }) : '—');
  const decided = () => {
    setSent(true);
    load();
    reloadCount();
  };
  return (
    <div className="console-page approvals-page" data-testid="approvals-page">
      <h2>{t('approvals.title')}</h2>
      <nav className="console-views" aria-label={t('approvals.filter')}>
        {(['waiting', 'decided'] as const).map((f) => (
          <a key={f} href={`#/approvals/${f}`} aria-current={f === filter ? 'page' : undefined} data-testid={`approvals-${f}`}>
            {t(f === 'waiting' ? 'approvals.waiting' : 'approvals.decided')}
          </a>
        ))}
      </nav>
      {sent && filter === 'waiting' && (
        <p className="notice ok" data-testid="approval-sent">
          {t('approvals.sent')}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {rows && rows.length === 0 && (
        <p className="muted" data-testid="approvals-empty">
          {t(filter === 'waiting' ? 'approvals.empty' : 'approvals.emptyDecided')}
        </p>
      )}
      <ul className="approval-list" data-testid="approval-list">
        {(rows ?? []).map((a) => (
          <li key={a.id} className="approval-card" data-testid="approval" data-ticket={a.ticketNumber}>
            <p className="approval-question">{a.question}</p>
            <dl className="field-grid">
              <dt>{t('approvals.ticket')}</dt>
              <dd>
                <a href={`#/tickets/${encodeURIComponent(a.ticketId)}`}>{a.ticketNumber}</a> {a.subject}
              </dd>
              <dt>{t('approvals.askedBy')}</dt>
              <dd>
                {a.flowName ?? a.flowId} <span className="muted small">{t('approvals.node', { node: a.nodeLabel ?? a.node })}</span>
              </dd>
              <dt>{t('approvals.askedOf')}</dt>
              <dd>{askedOf(a)}</dd>
              <dt>{t('approvals.since')}</dt>
              <dd>{when(a.requestedAt)}</dd>
              <dt>{t('approvals.due')}</dt>
              <dd>
                {when(a.dueAt)}{' '}
                {a.decision === undefined && (
                  <span className={Date.parse(a.dueAt) > now ? 'pill warn' : 'pill danger'}>
                    {Date.parse(a.dueAt) > now ? t('approvals.dueIn', { left: countdown(a.dueAt, now) }) : t('approvals.late')}
                  </span>
                )}
              </dd>
              {a.decision !== undefined && (
                <>
                  <dt>{t('approvals.decision')}</dt>
                  <dd data-testid="approval-decision">
                    <span className={a.decision === 'approve' ? 'pill valid' : 'pill invalid'}>
                      {t(a.decision === 'approve' ? 'approvals.approved' : 'approvals.rejected')}
                    </span>{' '}
                    {a.note ? a.note : <span className="muted">{t('approvals.noNote')}</span>}
                  </dd>
                  <dt>{t('approvals.decidedBy')}</dt>
                  <dd>
                    {a.decidedBy} · {a.decidedAt ? when(a.decidedAt) : ''}
                  </dd>
                </>
              )}
            </dl>
            {a.decision === undefined && <ApprovalDecideForm approval={a} onDecided={decided} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
