import type { VersionSummary } from '@switchyard/api';
import { GatedFieldset } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import { DeployVersion } from './deploy-version';
import { MigrateTickets } from './migrate-tickets';
import { RolloutComparison } from './rollout-comparison';
import { RolloutControls } from './rollout-controls';
import { RolloutHistory, TrippedBanner, useSplitText } from './rollout-history';
import { useRollout } from './use-rollout';

/**
 * Versions and gradual rollout of the flow: deploy, candidate share, ramp, guardrails, promote
 * and roll back, the comparison of the candidate's numbers with stable's, and the history.
 * Mounted only while its tab is open, so it polls only then.
 */
export function RolloutPanel({ flowId, versions }: { flowId: string; versions: readonly VersionSummary[] }) {
  const { t, locale } = useI18n();
  const state = useRollout(flowId);
  const splitText = useSplitText();
  const { rollout } = state;
  return (
    <div className="rollout-panel" data-testid="rollout-panel">
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {rollout === undefined && !state.error && <p className="muted">{t('app.loading')}</p>}
      {rollout === null && (
        <GatedFieldset permission="rollout.manage">
          <DeployVersion flowId={flowId} versions={versions} onDeployed={state.replace} />
        </GatedFieldset>
      )}
      {rollout && (
        <>
          <p
            className="rollout-now"
            data-testid="rollout-now"
            data-stable={rollout.stable}
            data-candidate={rollout.candidate ?? ''}
            data-percent={rollout.percent}
          >
            {t('rollout.now', { split: splitText(rollout) })}
          </p>
          {rollout.tripped && <TrippedBanner trip={rollout.tripped} />}
          <GatedFieldset permission="rollout.manage">
            <RolloutControls flowId={flowId} rollout={rollout} versions={versions} onChanged={state.replace} />
          </GatedFieldset>
          {state.metricsError && <p className="error small">{t('rollout.numbersError', { message: state.metricsError })}</p>}
          {state.metrics && <RolloutComparison metrics={state.metrics} />}
          {state.refreshedAt && <p className="muted small">{t('rollout.updated', { at: state.refreshedAt.toLocaleTimeString(locale) })}</p>}
          <GatedFieldset permission="rollout.manage">
            <MigrateTickets flowId={flowId} rollout={rollout} versions={versions} onMigrated={state.refresh} />
          </GatedFieldset>
          <RolloutHistory history={rollout.history} />
        </>
      )}
    </div>
  );
}
