import type { Rollout } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { describedBy, FieldError } from './field-error';

interface RampEditorProps {
  readonly steps: string;
  readonly every: string;
  /** The running ramp, for its progress. */
  readonly current: Rollout['ramp'];
  readonly errorOf: (field: string) => string | undefined;
  readonly onChange: (patch: { rampSteps?: string; rampEvery?: string }) => void;
}

/** The ramp plan: rising steps and the wait between them, with the running plan's progress. */
export function RampEditor({ steps, every, current, errorOf, onChange }: RampEditorProps) {
  const { t, locale } = useI18n();
  const stepsError = errorOf('ramp.steps');
  const everyError = errorOf('ramp.every');
  return (
    <fieldset className="rollout-section" data-testid="ramp">
      <legend>{t('rollout.rampTitle')}</legend>
      <p className="muted small">{t('rollout.rampHint')}</p>
      {current && current.step >= 0 && (
        <p className="small" data-testid="ramp-status">
          {current.nextStepAt
            ? t('rollout.rampStatus', {
                step: current.step + 1,
                total: current.steps.length,
                at: new Date(current.nextStepAt).toLocaleString(locale),
              })
            : t('rollout.rampFinished', { step: current.step + 1, total: current.steps.length })}
        </p>
      )}
      <div className="row wrap">
        <label>
          {t('rollout.rampSteps')}
          <input
            value={steps}
            placeholder="10, 25, 50, 100"
            onChange={(e) => onChange({ rampSteps: e.target.value })}
            {...describedBy('ramp.steps', stepsError)}
          />
          <FieldError field="ramp.steps" text={stepsError} />
        </label>
        <label>
          {t('rollout.rampEvery')}
          <input
            value={every}
            placeholder="1h"
            size={6}
            onChange={(e) => onChange({ rampEvery: e.target.value })}
            {...describedBy('ramp.every', everyError)}
          />
          <FieldError field="ramp.every" text={everyError} />
        </label>
      </div>
    </fieldset>
  );
}
