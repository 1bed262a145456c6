import { useState } from 'react';
import { ApiError, type RefusedTicket } from '@switchyard/api';
import { api } from '../api/api-client';
import type { Rollout, VersionSummary } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { buildMigrateRequest, type MigrateErrors, migrateFormFor } from '../model/migrate-form';
import { serverFieldErrors } from '../model/rollout-server-errors';
import { ConfirmButton } from './confirm-button';
import { describedBy, FieldError } from './field-error';

interface MigrateTicketsProps {
  readonly flowId: string;
  readonly rollout: Rollout;
  readonly versions: readonly VersionSummary[];
  /** The history has a new entry: read the rollout again. */
  readonly onMigrated: () => void;
}

type Outcome =
  | { readonly kind: 'moved'; readonly count: number; readonly from: number; readonly to: number }
  | { readonly kind: 'refused'; readonly message: string; readonly tickets: readonly RefusedTicket[] }
  | { readonly kind: 'conflict'; readonly revision: number }
  | { readonly kind: 'error'; readonly byField: Readonly<Record<string, string>>; readonly other: readonly string[] };

const FIELDS = new Set(['from', 'to', 'tickets', 'reason']);

/** Moves open tickets of one version to another, after a confirm; shows the count or each refused ticket. */
export function MigrateTickets({ flowId, rollout, versions, onMigrated }: MigrateTicketsProps) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => migrateFormFor(rollout));
  const [errors, setErrors] = useState<MigrateErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const errorOf = (field: 'from' | 'to' | 'tickets' | 'reason'): string | undefined => {
    const key = field === 'reason' ? undefined : errors[field];
    return key ? t(key) : outcome?.kind === 'error' ? outcome.byField[field] : undefined;
  };

  async function migrate() {
    const built = buildMigrateRequest(form);
    setErrors('errors' in built ? built.errors : {});
    setOutcome(null);
    if (!('request' in built)) return;
    setBusy(true);
    try {
      // The move names the deployment revision shown: if the rollout changed since, the server refuses it (409).
      const moved = await api.migrateTickets(flowId, { ...built.request, revision: rollout.revision });
      setOutcome({ kind: 'moved', count: moved.migrated, from: built.request.from, to: built.request.to });
      if (moved.migrated > 0) onMigrated();
    } catch (error) {
      const refusal = error instanceof ApiError ? error : undefined;
      const conflict = refusal?.rolloutConflict();
      const tickets = refusal?.refusedTickets() ?? [];
      if (conflict) {
        setOutcome({ kind: 'conflict', revision: conflict.revision });
        onMigrated();
      } else if (refusal && tickets.length > 0) setOutcome({ kind: 'refused', message: refusal.message, tickets });
      else
        setOutcome({
          kind: 'error',
          ...(error instanceof ApiError
            ? serverFieldErrors(error.message, error.details, FIELDS)
            : { byField: {}, other: [String(error)] }),
        });
    } finally {
      setBusy(false);
    }
  }

  const versionSelect = (field: 'from' | 'to', label: string) => (
    <label>
      {label}
      <select
        value={form[field] ?? ''}
        onChange={(e) => edit({ [field]: e.target.value === '' ? null : Number(e.target.value) })}
        {...describedBy(`migrate-${field}`, errorOf(field))}
      >
        <option value="">{t('inspector.choose')}</option>
        {[...versions].reverse().map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
          </option>
        ))}
      </select>
      <FieldError field={`migrate-${field}`} text={errorOf(field)} />
    </label>
  );
  return (
    <details className="migrate-tickets" data-testid="migrate-tickets">
      <summary>{t('migrate.title')}</summary>
      <p className="muted small">{t('migrate.hint')}</p>
      <div className="row wrap">
        {versionSelect('from', t('migrate.from'))}
        {versionSelect('to', t('migrate.to'))}
      </div>
      <label>
        {t('migrate.tickets')}
        <input
          value={form.tickets}
          placeholder={t('migrate.ticketsHint')}
          onChange={(e) => edit({ tickets: e.target.value })}
          {...describedBy('migrate-tickets', errorOf('tickets'))}
        />
        <FieldError field="migrate-tickets" text={errorOf('tickets')} />
      </label>
      <label>
        {t('migrate.reason')}
        <input
          value={form.reason}
          maxLength={500}
          onChange={(e) => edit({ reason: e.target.value })}
          {...describedBy('migrate-reason', errorOf('reason'))}
        />
        <FieldError field="migrate-reason" text={errorOf('reason')} />
      </label>
      <ConfirmButton
        label={busy ? t('migrate.running') : t('migrate.submit')}
        question={t('migrate.confirm', { from: form.from ?? '?', to: form.to ?? '?' })}
        disabled={busy}
        onConfirm={() => void migrate()}
      />
      {outcome?.kind === 'moved' && (
        <p className="notice" role="status" data-testid="migrate-result" data-count={outcome.count}>
          {outcome.count === 0
            ? t('migrate.none', { from: outcome.from })
            : t('migrate.done', { count: outcome.count, from: outcome.from, to: outcome.to })}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div className="error" role="alert" data-testid="migrate-refused">
          <p>{t('migrate.refused', { count: outcome.tickets.length })}</p>
          <ul>
            {outcome.tickets.map((r) => (
              <li key={r.ticket} data-ticket={r.ticket}>
                <code>{r.ticket}</code>: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'conflict' && (
        <p className="error" role="alert" data-testid="migrate-conflict">
          {t('migrate.conflict', { revision: outcome.revision })}
        </p>
      )}
      {outcome?.kind === 'error' && outcome.other.length > 0 && (
        <ul className="error" role="alert">
          {outcome.other.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
