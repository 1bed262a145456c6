import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';
import { useLoad } from '../use-load';
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
  const { t } = useI18n();
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
                  {m.author} · {new Date(m.at).toLocaleString()}
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
                  {m.author} · {new Date(m.at).toLocaleString()}
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
            <dl>
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
              <dd>{ticket.tags.join(', ') || '—'}</dd>
              <dt>{t('console.flags')}</dt>
              <dd>{ticket.flags.join(', ') || '—'}</dd>
              <dt>{t('console.escalation')}</dt>
              <dd>{ticket.escalationLevel}</dd>
            </dl>
            <h4>{t('console.deadline')}</h4>
            {ticket.deadlines.length === 0 && <p className="muted">—</p>}
            {ticket.deadlines.map((d) => (
              <p key={`${d.flowId}/${d.node}`} className="countdown">
                {d.flowId} · {d.node}: {countdown(d.dueAt, now)}
              </p>
            ))}
          </section>
          {customer && (
            <section data-testid="customer-panel">
              <h3>{t('console.customer')}</h3>
              <p>
                {customer.name} · {customer.tier} · {customer.contact ?? '—'}
              </p>
              {customer.tags.length > 0 && <p className="muted small">{customer.tags.join(', ')}</p>}
              <h4>{t('console.lastContacts')}</h4>
              <ul>
                {customer.lastContacts.map((c) => (
                  <li key={c.ticketId}>
                    {new Date(c.at).toLocaleDateString()} · {c.channel} · {c.topic}
                  </li>
                ))}
              </ul>
              <p className="small">
                {t('console.openTickets')}: {customer.openTickets.length} · {t('console.pastTickets')}: {customer.pastTickets.length}
              </p>
              {customer.orderIds.length > 0 && <p className="small">{customer.orderIds.join(', ')}</p>}
            </section>
          )}
          <TracePanel trace={trace} now={now} ticketId={ticketId} />
        </aside>
      </div>
    </div>
  );
}
