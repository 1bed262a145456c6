import type { UserNotification } from '@switchyard/api';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { useTicketStream } from './use-ticket-stream';

const KIND_LABELS: Record<UserNotification['kind'], MessageKey> = {
  mention: 'console.notice.mention',
  'transfer.in': 'console.notice.transferIn',
  'transfer.out': 'console.notice.transferOut',
  escalated: 'console.notice.escalated',
  'stepped-in': 'console.notice.steppedIn',
};

/** The signed-in person's notices (mentions, transfers to their group, tickets taken from them), newest first, live. */
export function NoticesPanel() {
  const { t, locale } = useI18n();
  const [notices, setNotices] = useState<readonly UserNotification[]>([]);
  const load = useCallback(() => {
    api.myNotifications().then(setNotices, () => setNotices([]));
  }, []);
  useEffect(load, [load]);
  useTicketStream(load);
  if (notices.length === 0) return null;
  return (
    <section className="console-notices" data-testid="notices">
      <h3>{t('console.notices')}</h3>
      <ul>
        {notices.slice(0, 8).map((n) => (
          <li key={n.id} data-kind={n.kind}>
            <span className="pill">{t(KIND_LABELS[n.kind])}</span>{' '}
            <a href={`#/tickets/${encodeURIComponent(n.ticketId)}`}>{locale === 'zh-CN' ? n.message['zh-CN'] : n.message.en}</a>{' '}
            <span className="muted small">
              {n.by} · {new Date(n.at).toLocaleString(locale)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
