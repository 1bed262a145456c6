import { Plus } from 'lucide-react';
import { useState } from 'react';
import { api } from '../api/api-client';
import { Allowed } from '../auth/allowed';
import { LoadError } from '../auth/load-error';
import type { Deployment, FlowSummary } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { failuresByFlow } from '../model/failures';
import { useNotifications } from '../notifications/notifications-context';
import { RollbackAlerts } from '../notifications/rollback-alerts';
import { navigate, routeHash } from '../use-hash-route';
import { useLoad } from '../use-load';
import { NewFlowDialog } from './new-flow-dialog';
import { RunOrder } from './run-order';
import { RuntimeStatus } from './runtime-status';

function draftState(flow: FlowSummary): 'valid' | 'invalid' | 'unknown' {
  return flow.draftValid === undefined ? 'unknown' : flow.draftValid ? 'valid' : 'invalid';
}

function DeploymentCell({ deployment }: { deployment: Deployment | null }) {
  const { t } = useI18n();
  if (!deployment) return <>{t('flows.none')}</>;
  if (deployment.candidate !== null && deployment.percent > 0)
    return <>{t('flows.deploymentValue', { stable: deployment.stable, candidate: deployment.candidate, percent: deployment.percent })}</>;
  return <>{t('flows.deploymentStable', { stable: deployment.stable })}</>;
}

/** Every flow with its draft state, latest version and deployment; the way in to create one. */
export function FlowsListPage() {
  const { t } = useI18n();
  const [flows, reload] = useLoad(() => api.listFlows());
  const [creating, setCreating] = useState(false);
  const failed = failuresByFlow(useNotifications().failures ?? []);
  return (
    <section className="flows-page">
      <div className="page-title">
        <h1>{t('flows.title')}</h1>
        <Allowed permission="flows.edit">
          <button type="button" className="primary" data-testid="new-flow" onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden /> {t('flows.new')}
          </button>
        </Allowed>
      </div>
      <RollbackAlerts />
      <RuntimeStatus />
      {creating && <NewFlowDialog onClose={() => setCreating(false)} onCreated={(id) => navigate({ page: 'flow', id })} />}
      {flows.status === 'loading' && <p>{t('app.loading')}</p>}
      {flows.status === 'error' && <LoadError error={flows.error} onRetry={reload} />}
      {flows.status === 'done' && flows.data.length === 0 && <p>{t('flows.empty')}</p>}
      {flows.status === 'done' && flows.data.length > 0 && (
        <table className="flows-table" data-testid="flows-table">
          <thead>
            <tr>
              <th>{t('flows.name')}</th>
              <th>{t('flows.draft')}</th>
              <th>{t('flows.latest')}</th>
              <th>{t('flows.deployment')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.data.map((flow) => {
              const state = draftState(flow);
              return (
                <tr key={flow.id} data-flow-id={flow.id}>
                  <td>
                    <a href={`#/flows/${encodeURIComponent(flow.id)}`}>{flow.name}</a>
                    <div className="muted">{flow.id}</div>
                  </td>
                  <td>
                    <span className={`pill ${state}`}>{t(`draft.${state}`)}</span>
                  </td>
                  <td>{flow.latestVersion ? `v${flow.latestVersion}` : t('flows.none')}</td>
                  <td>
                    <DeploymentCell deployment={flow.deployment} />
                    {(failed.get(flow.id) ?? 0) > 0 && (
                      <a className="failed-link" href={routeHash({ page: 'flow', id: flow.id, tab: 'failures' })} data-testid="failed-link">
                        {t('failures.failedLink', { count: failed.get(flow.id) })}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {flows.status === 'done' && <RunOrder onChanged={reload} />}
    </section>
  );
}
