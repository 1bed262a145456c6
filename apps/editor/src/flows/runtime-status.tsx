import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { formatLag } from '../model/format-lag';
import { useLoad } from '../use-load';

/** One line of what ops watch (GET /api/runtime/stats); absent when the figures cannot be read. */
export function RuntimeStatus() {
  const { t } = useI18n();
  const [stats] = useLoad(() => api.runtimeStats());
  if (stats.status !== 'done') return null;
  const { ticketsDue, lagMs, effects } = stats.data;
  return (
    <p className={`runtime-status${effects.dead > 0 ? ' has-dead' : ''}`} data-testid="runtime-status">
      {t('runtime.status', { due: ticketsDue, lag: formatLag(lagMs), pending: effects.pending + effects.running, dead: effects.dead })}
    </p>
  );
}
