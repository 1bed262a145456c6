import { Bell } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ticketHref } from '../failures/failures-list';
import { shortTicket, unseenFailures } from '../model/failures';
import { notificationBadge } from '../model/ops-notifications';
import { NotificationItem } from './notification-item';
import { useNotifications } from './notifications-context';

/**
 * The header's bell: the count of notifications since the last look (red while one is a
 * guardrail rollback), and the latest ones in a list it opens; opening it marks them seen.
 */
export function NotificationsBell() {
  const { t } = useI18n();
  const { notifications, error, seenAt, markSeen, failures } = useNotifications();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const ops = notificationBadge(notifications, seenAt);
  // Failures since the last look count too, and catch the eye like a rollback (the list keeps them once seen).
  const [newFailures, setNewFailures] = useState(() => unseenFailures(failures ?? [], seenAt));
  useEffect(() => {
    if (!open) setNewFailures(unseenFailures(failures ?? [], seenAt));
  }, [failures, seenAt, open]);
  const badge = { unseen: ops.unseen + newFailures.length, alert: ops.alert || newFailures.length > 0 };
  // Seen once the list is open; new ones arriving while it is open are seen too.
  useEffect(() => {
    if (open) markSeen();
  }, [open, markSeen]);
  return (
    <div
      className="notifications"
      ref={root}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      onBlur={(e) => !root.current?.contains(e.relatedTarget) && setOpen(false)}
    >
      <button
        type="button"
        className={`bell${badge.alert ? ' alert' : ''}`}
        data-testid="notifications-bell"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={badge.unseen > 0 ? t('notifications.bellUnseen', { count: badge.unseen }) : t('notifications.bell')}
        onClick={() => setOpen((o) => !o)}
      >
        <Bell size={16} aria-hidden />
        {badge.unseen > 0 && (
          <span className="badge" data-testid="notifications-badge" aria-hidden>
            {badge.unseen}
          </span>
        )}
      </button>
      {open && (
        <div className="notifications-list" id={listId} data-testid="notifications-list">
          {error && <p className="error small">{t('notifications.error', { message: error })}</p>}
          {newFailures.length > 0 && (
            <div className="bell-failures" data-testid="bell-failures">
              <p className="error small">{t('failures.newInBell', { count: newFailures.length })}</p>
              <ul>
                {newFailures.slice(0, 5).map((f) => (
                  <li key={f.id} className="alert" data-testid="bell-failure">
                    <span>
                      {t('failures.bellItem', {
                        what: f.kind === 'dead' ? t('failures.dead') : t('failures.error'),
                        flow: f.flowId,
                        node: f.nodeId ?? t('failures.flowLevel'),
                      })}
                    </span>
                    <a className="small" href={ticketHref(f.ticketId)}>
                      {t('failures.ticket', { ticket: shortTicket(f.ticketId) })}
                    </a>
                  </li>
                ))}
              </ul>
              <a href="#/failures" className="small" data-testid="bell-all-failures">
                {t('failures.openAll')}
              </a>
            </div>
          )}
          {!error && notifications.length === 0 && newFailures.length === 0 && <p className="muted small">{t('notifications.none')}</p>}
          <ul>
            {notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
