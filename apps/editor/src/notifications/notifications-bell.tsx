import { Bell } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { notificationBadge } from '../model/ops-notifications';
import { NotificationItem } from './notification-item';
import { useNotifications } from './notifications-context';

/**
 * The header's bell: the count of notifications since the last look (red while one is a
 * guardrail rollback), and the latest ones in a list it opens; opening it marks them seen.
 */
export function NotificationsBell() {
  const { t } = useI18n();
  const { notifications, error, seenAt, markSeen } = useNotifications();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const badge = notificationBadge(notifications, seenAt);
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
          {!error && notifications.length === 0 && <p className="muted small">{t('notifications.none')}</p>}
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
