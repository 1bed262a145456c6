import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { useLoad } from '../use-load';
import { useNotifications } from '../notifications/notifications-context';
import { FailuresList } from './failures-list';

/** `#/failures`: the dead-lettered effects and flow errors of every flow in the last 24 h, each with its ticket. */
export function FailuresPage() {
  const { t } = useI18n();
  const { failures, failuresError } = useNotifications();
  const [flows] = useLoad(() => api.listFlows());
  const names = new Map(flows.status === 'done' ? flows.data.map((f) => [f.id, f.name]) : []);
  return (
    <section className="failures-page" data-testid="failures-page">
      <div className="page-title">
        <h1>{t('failures.title')}</h1>
      </div>
      {failuresError && <p className="error">{t('failures.loadError', { message: failuresError })}</p>}
      {failures === null && !failuresError && <p>{t('app.loading')}</p>}
      {failures?.length === 0 && <p className="muted">{t('failures.none')}</p>}
      {failures && failures.length > 0 && (
        <FailuresList failures={failures} showFlow flowName={(id) => names.get(id) ?? id} nodeName={(_, nodeId) => nodeId} />
      )}
    </section>
  );
}
