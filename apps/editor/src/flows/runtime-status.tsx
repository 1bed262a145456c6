import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { formatLag } from '../model/format-lag';
import { routeHash } from '../use-hash-route';
import { useLoad } from '../use-load';

/** One line of what ops watch (GET /api/runtime/stats); absent when the figures cannot be read. */
export function RuntimeStatus() {
  const { t } = useI18n();
  const [stats] = useLoad(() => api.runtimeStats());
  if (stats.status !== 'done') return null;
  const { ticketsDue, lagMs, effects } = stats.data;
  const text = t('runtime.status', {
    due: ticketsDue,
    lag: formatLag(lagMs),
    pending: effects.pending + effects.running,
    dead: effects.dead,
  });
  return (
    <p className={`runtime-status${effects.dead > 0 ? ' has-dead' : ''}`} data-testid="runtime-status">
      {/* Dead effects need a person: the line leads to the failures list. */}
      {effects.dead > 0 ? (
        <a href={routeHash({ page: 'failures' })} data-testid="runtime-dead-link">
          {text}
        </a>
      ) : (
        text
      )}
    </p>
  );
}
