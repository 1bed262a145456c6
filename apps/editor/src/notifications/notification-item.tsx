import type { OpsNotification } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { isAlert } from '../model/ops-notifications';
import { routeHash } from '../use-hash-route';

/** One notification: its message in the page language, when, and a link to the flow's rollout tab. */
export function NotificationItem({ notification }: { notification: OpsNotification }) {
  const { t, locale } = useI18n();
  return (
    <li className={isAlert(notification) ? 'alert' : ''} data-testid="notification" data-kind={notification.kind}>
      <span>{notification.message[locale]}</span>
      <span className="muted small">
        <time dateTime={notification.at}>{new Date(notification.at).toLocaleString(locale)}</time>
        {notification.flowId && (
          <>
            {' · '}
            <a href={routeHash({ page: 'flow', id: notification.flowId, tab: 'rollout' })}>
              {t('notifications.openRollout', { flow: notification.flowId })}
            </a>
          </>
        )}
      </span>
    </li>
  );
}
