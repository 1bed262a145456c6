import { useState } from 'react';
import { ROLE_LABELS, type TokenCreated } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { grantableRoles } from '../model/permission-gate';
import { TOKEN_EXPIRIES, type TokenExpiry, type TokenFormErrors, tokenRequestOf } from '../model/token-form';
import { toggled } from '../model/user-form';
import { useMe } from './session-context';

/** A new personal token: a name, its roles (among mine, all by default) and how long it lives. */
export function NewTokenForm({ onCreated }: { onCreated: (token: TokenCreated) => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const offered = grantableRoles(me.roles);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState(offered);
  const [expiry, setExpiry] = useState<TokenExpiry>('90');
  const [errors, setErrors] = useState<TokenFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    const checked = tokenRequestOf({ name, roles, expiry }, me.roles, new Date());
    setFailure(null);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onCreated(await api.createToken(checked.request));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="new-token"
      data-testid="new-token-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h3>{t('tokens.new')}</h3>
      <div className="row wrap">
        <label>
          {t('tokens.name')}
          <input
            data-testid="token-name"
            value={name}
            maxLength={200}
            placeholder={t('tokens.namePlaceholder')}
            aria-invalid={errors.name ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {errors.name && <span className="error small">{t(errors.name)}</span>}
        </label>
        <label>
          {t('tokens.expiry')}
          <select
            data-testid="token-expiry"
            value={expiry}
            onChange={(e) => setExpiry(TOKEN_EXPIRIES.find((x) => x === e.target.value) ?? '90')}
          >
            {TOKEN_EXPIRIES.map((x) => (
              <option key={x} value={x}>
                {x === 'never' ? t('tokens.never') : t('tokens.days', { days: x })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="checkboxes" data-testid="token-roles">
        <legend>{t('tokens.roles')}</legend>
        {offered.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => setRoles(toggled(roles, role, e.target.checked))} />
            {ROLE_LABELS[role][locale]}
          </label>
        ))}
        {errors.roles && <span className="error small">{t(errors.roles)}</span>}
      </fieldset>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy} data-testid="create-token">
          {t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
