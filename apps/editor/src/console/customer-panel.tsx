import type { CustomerView } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { statusLabel } from './status-label';

type TicketRef = CustomerView['openTickets'][number];
const CHANNELS = ['chat', 'email', 'web', 'phone', 'social'] as const;

/** Tickets of the customer, each a link to its page; the one on screen is not a link. */
function TicketLinks({ tickets, current }: { tickets: readonly TicketRef[]; current: string }) {
  const { t } = useI18n();
  if (tickets.length === 0) return <p className="muted small">—</p>;
  return (
    <ul className="customer-tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          {ticket.id === current ? (
            <strong>{ticket.number}</strong>
          ) : (
            <a href={`#/tickets/${encodeURIComponent(ticket.id)}`}>{ticket.number}</a>
          )}{' '}
          {ticket.subject} <span className="muted small">{statusLabel(t, ticket.status)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The customer beside a ticket: name and contact (masked by the server unless the reader may see
 * them), tier, tags, the last three contacts with their topics, open and past tickets, order ids.
 */
export function CustomerPanel({ customer, ticketId }: { customer: CustomerView; ticketId: string }) {
  const { t, locale } = useI18n();
  const channel = (name: string) => {
    const known = CHANNELS.find((c) => c === name);
    return known ? t(`dryRun.channel.${known}`) : name;
  };
  return (
    <section data-testid="customer-panel" className="customer-panel">
      <h3>{t('console.customer')}</h3>
      <dl className="field-grid">
        <dt>{t('console.customerName')}</dt>
        <dd data-testid="customer-name">{customer.name || '—'}</dd>
        <dt>{t('console.contact')}</dt>
        <dd data-testid="customer-contact">{customer.contact ?? '—'}</dd>
        <dt>{t('console.tier')}</dt>
        <dd data-testid="customer-tier">
          <span className={customer.tier === 'vip' ? 'pill warn' : 'pill'}>
            {customer.tier === 'vip' ? t('console.tier.vip') : t('console.tier.standard')}
          </span>
        </dd>
        <dt>{t('console.tags')}</dt>
        <dd>
          {customer.tags.length > 0
            ? customer.tags.map((tag) => (
                <span key={tag} className="pill">
                  {tag}
                </span>
              ))
            : '—'}
        </dd>
        {customer.orderIds.length > 0 && (
          <>
            <dt>{t('console.orders')}</dt>
            <dd>{customer.orderIds.join(', ')}</dd>
          </>
        )}
      </dl>
      <h4>{t('console.lastContacts')}</h4>
      {customer.lastContacts.length === 0 && <p className="muted small">—</p>}
      <ul className="customer-contacts" data-testid="customer-contacts">
        {customer.lastContacts.slice(0, 3).map((c) => (
          <li key={c.ticketId}>
            <span className="muted small">
              {new Date(c.at).toLocaleDateString(locale)} · {channel(c.channel)}
            </span>{' '}
            {c.topic}
          </li>
        ))}
      </ul>
      <h4>
        {t('console.openTickets')} ({customer.openTickets.length})
      </h4>
      <TicketLinks tickets={customer.openTickets} current={ticketId} />
      <h4>
        {t('console.pastTickets')} ({customer.pastTickets.length})
      </h4>
      <TicketLinks tickets={customer.pastTickets} current={ticketId} />
    </section>
  );
}
