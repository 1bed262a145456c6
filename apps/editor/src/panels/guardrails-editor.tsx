import { useI18n } from '../i18n/i18n-context';
import { GUARDRAIL_METRICS, type GuardrailRow, newGuardrailRow } from '../model/guardrail-form';
import { describedBy, FieldError } from './field-error';

interface GuardrailsEditorProps {
  readonly rows: readonly GuardrailRow[];
  readonly errorOf: (field: string) => string | undefined;
  readonly onChange: (rows: GuardrailRow[]) => void;
}

/** The guardrails: per row a metric, "above" or "worse than stable by", a threshold and a minimum of tickets. */
export function GuardrailsEditor({ rows, errorOf, onChange }: GuardrailsEditorProps) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<GuardrailRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="rollout-section" data-testid="guardrails">
      <legend>{t('rollout.guardrailsTitle')}</legend>
      <p className="muted small">{t('rollout.guardrailsHint')}</p>
      {rows.length === 0 && <p className="muted small">{t('rollout.noGuardrails')}</p>}
      {rows.map((row, index) => {
        const field = (name: string) => `guardrails.${index}.${name}`;
        const thresholdError = errorOf(field('threshold'));
        const minError = errorOf(field('minTickets'));
        return (
          <div
            key={index}
            className="guardrail-row"
            role="group"
            aria-label={t('rollout.guardrail', { index: index + 1 })}
            data-testid="guardrail"
          >
            <label>
              {t('rollout.guardrailMetric')}
              <select
                value={row.metric}
                onChange={(e) => {
                  const metric = GUARDRAIL_METRICS.find((known) => known === e.target.value);
                  if (metric) update(index, { metric });
                }}
              >
                {GUARDRAIL_METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {t(`rollout.metricName.${metric}`)}
                  </option>
                ))}
              </select>
              <FieldError field={field('metric')} text={errorOf(field('metric'))} />
            </label>
            <label>
              {t('rollout.guardrailMode')}
              <select
                value={row.mode}
                onChange={(e) => update(index, { mode: e.target.value === 'above' ? 'above' : 'worseThanStableBy' })}
              >
                <option value="above">{t('rollout.guardrailAbove')}</option>
                <option value="worseThanStableBy">{t('rollout.guardrailWorse')}</option>
              </select>
            </label>
            <label>
              {t('rollout.guardrailThreshold')}
              <input
                type="number"
                min={0}
                max={100}
                step="any"
                value={row.threshold}
                onChange={(e) => update(index, { threshold: e.target.value })}
                {...describedBy(field('threshold'), thresholdError)}
              />
              <FieldError field={field('threshold')} text={thresholdError} />
            </label>
            <label>
              {t('rollout.guardrailMinTickets')}
              <input
                type="number"
                min={1}
                step={1}
                value={row.minTickets}
                onChange={(e) => update(index, { minTickets: e.target.value })}
                {...describedBy(field('minTickets'), minError)}
              />
              <FieldError field={field('minTickets')} text={minError} />
            </label>
            <button type="button" className="small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t('rollout.guardrailRemove', { index: index + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" className="small" onClick={() => onChange([...rows, newGuardrailRow()])}>
        {t('rollout.guardrailAdd')}
      </button>
    </fieldset>
  );
}
