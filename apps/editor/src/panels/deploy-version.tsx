import { useState } from 'react';
import { ApiError, type Rollout, type VersionSummary } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { serverFieldErrors } from '../model/rollout-server-errors';
import { ConfirmButton } from './confirm-button';
import { useRunPosition } from './use-run-position';

interface DeployVersionProps {
  readonly flowId: string;
  readonly versions: readonly VersionSummary[];
  readonly onDeployed: (rollout: Rollout) => void;
}

/** A flow that is not deployed: pick a published version (the newest by default) and deploy it as stable. */
export function DeployVersion({ flowId, versions, onDeployed }: DeployVersionProps) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const version = picked ?? versions.at(-1)?.version;
  // Deploying asks first, and says where the flow will run among the deployed ones (last, for a new one).
  const where = useRunPosition(flowId, true);

  async function deploy(stable: number) {
    setBusy(true);
    setErrors([]);
    try {
      // Revision 0: only if nobody deployed it meanwhile.
      onDeployed(await api.putRollout(flowId, { stable, revision: 0 }));
    } catch (error) {
      // Someone deployed it meanwhile: show their deployment rather than put this one over it.
      const deployed = error instanceof ApiError ? error.rolloutConflict()?.rollout : undefined;
      if (deployed) return onDeployed(deployed);
      const refused = error instanceof ApiError ? serverFieldErrors(error.message, error.details, new Set()) : { other: [String(error)] };
      setErrors(refused.other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="deploy-version" data-testid="deploy-version">
      <p>{t('rollout.notDeployed')}</p>
      {version === undefined ? (
        <p className="muted">{t('rollout.noVersions')}</p>
      ) : (
        <div className="row wrap">
          <label>
            {t('rollout.deployPick')}
            <select value={version} onChange={(e) => setPicked(Number(e.target.value))}>
              {[...versions].reverse().map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </label>
          <ConfirmButton
            className="primary"
            label={t('rollout.deploy', { version })}
            question={t('order.confirmDeploy', { version })}
            detail={where}
            disabled={busy}
            onConfirm={() => void deploy(version)}
          />
        </div>
      )}
      {errors.length > 0 && (
        <ul className="error" role="alert">
          {errors.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
