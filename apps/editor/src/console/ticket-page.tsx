import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';
import { useLoad } from '../use-load';
import { CustomerPanel } from './customer-panel';
import { SlaClocks } from './sla-clocks';
import { StepInForm, TicketActions } from './ticket-actions';
import { TracePanel } from './trace-panel';
import { useTicketStream } from './use-ticket-stream';
import { statusLabel } from './status-label';

async function loadTicket(id: string) {
  const ticket = await api.getTicket(id);
  const [messages, trace, groups, customer] = await Promise.all([
    api.ticketMessages(id),
    api.trace(id),
    api.groups().catch(() => []),
    api.customer(ticket.customer.id).catch(() => null),
  ]);
  return { ticket, messages, trace, groups, customer };
}

/** A ticket's page (`#/tickets/<id>`): conversation with notes apart, fields, deadlines, customer, flows and their trace, actions (r: reply, e: escalate). */
export function TicketPage({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const supervises = useCan('tickets.supervise');
  const [state, reload] = useLoad(() => loadTicket(ticketId));
  const [now, setNow] = useState(() => Date.now());
  const replyRef = useRef<HTMLTextAreaElement>(null);
  useTicketStream((change) => {
    if (change.ticketId === ticketId) reload();
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'r') {
        event.preventDefault();
        replyRef.current?.focus();
      } else if (event.key === 'e') document.querySelector<HTMLButtonElement>('[data-testid="escalate"]')?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (state.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { ticket, messages, trace, groups, customer } = state.data;
  const conversation = messages.filter((m) => m.via !== 'note');
  const notes = messages.filter((m) => m.via === 'note');
  const abnormal = ticket.flags.includes('abnormal') || ticket.escalationLevel > 0;
  return (
    <div className="ticket-page" data-testid="ticket-page">
      <h2 className="page-title">
        <a href="#/console/mine">{t('console.title')}</a> / {ticket.number} {ticket.subject}
      </h2>
      <div className="ticket-columns">
        <div className="ticket-main">
          <section data-testid="conversation">
            <h3>{t('console.conversation')}</h3>
            {conversation.map((m) => (
              <div key={m.id} className={`message message-${m.direction}`}>
                <span className="muted small">
                  {m.author} · {new Date(m.at).toLocaleString(locale)}
                </span>
                <p>{m.body}</p>
              </div>
            ))}
          </section>
          <section data-testid="notes" className="internal-notes">
            <h3>{t('console.notes')}</h3>
            {notes.length === 0 && <p className="muted">{t('console.noNotes')}</p>}
            {notes.map((m) => (
              <div key={m.id} className="message message-note">
                <span className="muted small">
                  {m.author} · {new Date(m.at).toLocaleString(locale)}
                  {m.recipient ? ` → ${m.recipient}` : ''}
                </span>
                <p>{m.body}</p>
              </div>
            ))}
          </section>
          <TicketActions ticket={ticket} groups={groups} replyRef={replyRef} onDone={reload} />
          {supervises && abnormal && <StepInForm ticketId={ticket.id} onDone={reload} />}
        </div>
        <aside className="ticket-side">
          <section data-testid="ticket-fields">
            <h3>{t('console.fields')}</h3>
            <dl className="field-grid">
              <dt>{t('console.status')}</dt>
              <dd>{statusLabel(t, ticket.status)}</dd>
              <dt>{t('console.priority')}</dt>
              <dd>{t(`console.priority.${ticket.priority}`)}</dd>
              <dt>{t('console.group')}</dt>
              <dd data-testid="ticket-group">{ticket.group ?? '—'}</dd>
              <dt>{t('console.assignee')}</dt>
              <dd data-testid="ticket-assignee">{ticket.assignee ?? '—'}</dd>
              <dt>{t('console.category')}</dt>
              <dd>{ticket.category ?? '—'}</dd>
              <dt>{t('console.tags')}</dt>
              <dd>
                {ticket.tags.length > 0
                  ? ticket.tags.map((tag) => (
                      <span key={tag} className="pill">
                        {tag}
                      </span>
                    ))
                  : '—'}
              </dd>
              <dt>{t('console.flags')}</dt>
              <dd>
                {ticket.flags.length > 0
                  ? ticket.flags.map((flag) => (
                      <span key={flag} className="pill warn">
                        {flag}
                      </span>
                    ))
                  : '—'}
              </dd>
              <dt>{t('console.escalation')}</dt>
              <dd data-testid="ticket-escalation">{ticket.escalationLevel}</dd>
            </dl>
            <h4>{t('console.deadline')}</h4>
            {ticket.deadlines.length === 0 && <p className="muted">—</p>}
            {ticket.deadlines.map((d) => (
              <p key={`${d.flowId}/${d.node}`} className="countdown">
                {d.flowId} · {d.node}: {countdown(d.dueAt, now)}
              </p>
            ))}
            <SlaClocks slas={ticket.slas} now={now} />
          </section>
          {customer && <CustomerPanel customer={customer} ticketId={ticket.id} />}
          <TracePanel trace={trace} now={now} ticketId={ticketId} />
        </aside>
      </div>
    </div>
  );
}
