import { useEffect, useMemo, useState } from 'react';
import { ApiError, type Rollout, type VersionSummary } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { buildRolloutRequest, type FormErrors, formFromRollout, type RolloutForm } from '../model/rollout-form';
import { type ServerFieldErrors, serverFieldErrors } from '../model/rollout-server-errors';
import { ConfirmButton } from './confirm-button';
import { describedBy, FieldError } from './field-error';
import { GuardrailsEditor } from './guardrails-editor';
import { RampEditor } from './ramp-editor';
import { useRunPosition } from './use-run-position';

interface RolloutControlsProps {
  readonly flowId: string;
  readonly rollout: Rollout;
  readonly versions: readonly VersionSummary[];
  readonly onChanged: (rollout: Rollout) => void;
}

/** The fields a server refusal can point at; others are listed above the buttons. */
function formFields(form: RolloutForm): Set<string> {
  const fields = ['stable', 'candidate', 'percent', 'ramp.steps', 'ramp.every', 'reason'];
  form.guardrails.forEach((_, i) => fields.push(`guardrails.${i}.threshold`, `guardrails.${i}.minTickets`, `guardrails.${i}.metric`));
  return new Set(fields);
}

/** Versions, share, ramp, guardrails and reason of a deployed flow, with Apply, Promote and Roll back. */
export function RolloutControls({ flowId, rollout, versions, onChanged }: RolloutControlsProps) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formFromRollout(rollout));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<FormErrors>({});
  const [serverErrors, setServerErrors] = useState<ServerFieldErrors | null>(null);
  // The deployment revision the form was made from: Apply is refused (409) if it moved on meanwhile.
  const [base, setBase] = useState(rollout.revision);
  // The rollout moves by itself (ramp steps, guardrails): follow it unless the user is editing.
  useEffect(() => {
    if (dirty) return;
    setForm(formFromRollout(rollout));
    setBase(rollout.revision);
  }, [rollout, dirty]);

  const edit = (patch: Partial<RolloutForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  };
  const errorOf = (field: string): string | undefined => {
    const key = formErrors[field];
    return key ? t(key) : serverErrors?.byField[field];
  };
  const fields = useMemo(() => formFields(form), [form]);
  const where = useRunPosition(flowId, true);

  async function act(action: () => Promise<Rollout>) {
    setBusy(true);
    setServerErrors(null);
    try {
      onChanged(await action());
      setDirty(false);
    } catch (error) {
      const conflict = error instanceof ApiError ? error.rolloutConflict() : undefined;
      if (conflict) {
        // Show the rollout as it is now; the form keeps the user's edits, to apply over it.
        if (conflict.rollout) onChanged(conflict.rollout);
        setBase(conflict.revision);
        setServerErrors({ byField: {}, other: [t('rollout.conflict', { revision: conflict.revision })] });
        return;
      }
      setServerErrors(
        error instanceof ApiError ? serverFieldErrors(error.message, error.details, fields) : { byField: {}, other: [String(error)] },
      );
    } finally {
      setBusy(false);
    }
  }

  function apply() {
    const built = buildRolloutRequest(form, rollout);
    setFormErrors('errors' in built ? built.errors : {});
    if ('request' in built) void act(() => api.putRollout(flowId, { ...built.request, revision: base }));
    else setServerErrors(null);
  }

  const reason = form.reason.trim() || undefined;
  const versionOptions = [...versions].reverse().map((v) => (
    <option key={v.version} value={v.version}>
      v{v.version}
    </option>
  ));
  const hasFormErrors = Object.keys(formErrors).length > 0;
  return (
    <form
      className="rollout-form"
      // Our own checks name each field in the page language; the browser's bubbles would stop them.
      noValidate
      data-testid="rollout-form"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="row wrap">
        <label>
          {t('rollout.stable')}
          <select
            value={form.stable}
            onChange={(e) => edit({ stable: Number(e.target.value) })}
            {...describedBy('stable', errorOf('stable'))}
          >
            {versionOptions}
          </select>
          <FieldError field="stable" text={errorOf('stable')} />
        </label>
        <label>
          {t('rollout.candidate')}
          <select
            value={form.candidate ?? ''}
            onChange={(e) => (e.target.value === '' ? edit({ candidate: null, percent: 0 }) : edit({ candidate: Number(e.target.value) }))}
            {...describedBy('candidate', errorOf('candidate'))}
          >
            <option value="">{t('rollout.noCandidate')}</option>
            {versionOptions}
          </select>
          <FieldError field="candidate" text={errorOf('candidate')} />
        </label>
      </div>
      <label className="percent-field">
        {t('rollout.percent')}
        <span className="row">
          <input
            type="range"
            min={0}
            max={100}
            step={1}
            value={form.percent}
            disabled={form.candidate === null}
            onChange={(e) => edit({ percent: Math.round(Number(e.target.value)) })}
            aria-valuetext={`${form.percent}%`}
            {...describedBy('percent', errorOf('percent'))}
          />
          <output data-testid="percent-value">{form.percent}%</output>
        </span>
        <FieldError field="percent" text={errorOf('percent')} />
      </label>
      <RampEditor steps={form.rampSteps} every={form.rampEvery} current={rollout.ramp} errorOf={errorOf} onChange={edit} />
      <GuardrailsEditor rows={form.guardrails} errorOf={errorOf} onChange={(guardrails) => edit({ guardrails })} />
      <label>
        {t('rollout.reason')}
        <input
          value={form.reason}
          maxLength={500}
          onChange={(e) => edit({ reason: e.target.value })}
          {...describedBy('reason', errorOf('reason'))}
        />
        <FieldError field="reason" text={errorOf('reason')} />
      </label>
      {(hasFormErrors || (serverErrors?.other.length ?? 0) > 0) && (
        <ul className="error rollout-errors" role="alert" data-testid="rollout-errors">
          {hasFormErrors && <li>{t('rollout.fixFields')}</li>}
          {serverErrors?.other.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div className="row wrap">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('rollout.applying') : t('rollout.apply')}
        </button>
        <ConfirmButton
          label={t('rollout.promote')}
          question={t('rollout.confirmPromote', { candidate: rollout.candidate })}
          detail={where}
          disabled={busy || rollout.candidate === null}
          onConfirm={() => void act(() => api.promote(flowId, { revision: rollout.revision, ...(reason ? { reason } : {}) }))}
        />
        <ConfirmButton
          label={t('rollout.rollback')}
          className="danger-outline"
          question={t('rollout.confirmRollback', { stable: rollout.stable })}
          disabled={busy || rollout.candidate === null}
          onConfirm={() => void act(() => api.rollback(flowId, { revision: rollout.revision, ...(reason ? { reason } : {}) }))}
        />
      </div>
    </form>
  );
}
