import { useI18n } from '../i18n/i18n-context';
import { unseenRollbacks } from '../model/ops-notifications';
import { routeHash } from '../use-hash-route';
import { useNotifications } from './notifications-context';

/** Guardrail rollbacks nobody has looked at yet, as banners on the flows list: seen without opening a flow. */
export function RollbackAlerts() {
  const { t, locale } = useI18n();
  const { notifications, seenAt, markSeen } = useNotifications();
  const rollbacks = unseenRollbacks(notifications, seenAt);
  if (rollbacks.length === 0) return null;
  return (
    <div className="rollback-alerts" role="alert" data-testid="rollback-alerts">
      {rollbacks.map((n) => (
        <p key={n.id} className="tripped-banner">
          {n.message[locale]} <time dateTime={n.at}>({new Date(n.at).toLocaleString(locale)})</time>{' '}
          {n.flowId && (
            <a href={routeHash({ page: 'flow', id: n.flowId, tab: 'rollout' })}>{t('notifications.openRollout', { flow: n.flowId })}</a>
          )}
        </p>
      ))}
      <button type="button" className="small" onClick={markSeen}>
        {t('notifications.dismiss')}
      </button>
    </div>
  );
}
