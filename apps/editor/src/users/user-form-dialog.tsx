import { X } from 'lucide-react';
import { useState } from 'react';
import { type Agent, type Group, ROLE_LABELS, ROLES, type UserView } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { createUserRequestOf, patchUserRequestOf, toggled, type UserForm, type UserFormErrors, userFormOf } from '../model/user-form';

interface UserFormDialogProps {
  /** The user to edit; none to create one. */
  readonly user?: UserView | undefined;
  readonly groups: readonly Group[];
  readonly agents: readonly Agent[];
  readonly onSaved: () => void;
  readonly onClose: () => void;
}

/** Creates a user or edits one: email (new only), name, password, roles, groups, the roster agent, language. */
export function UserFormDialog({ user, groups, agents, onSaved, onClose }: UserFormDialogProps) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<UserForm>(() => userFormOf(user));
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<UserForm>) => setForm((f) => ({ ...f, ...patch }));
  const groupName = (g: Group) => (locale === 'zh-CN' && g.nameZh ? g.nameZh : g.name);

  /** The request the form makes, sent; or its errors shown and nothing sent. */
  function send(): Promise<unknown> | undefined {
    if (user) {
      const checked = patchUserRequestOf(user, form);
      if (!checked.ok) return void setErrors(checked.errors);
      return api.patchUser(user.id, checked.request);
    }
    const checked = createUserRequestOf(form);
    if (!checked.ok) return void setErrors(checked.errors);
    return api.createUser(checked.request);
  }

  async function save() {
    setFailure(null);
    const sent = send();
    if (!sent) return;
    setErrors({});
    setBusy(true);
    try {
      await sent;
      onSaved();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  const fieldError = (field: keyof UserFormErrors) => {
    const key = errors[field];
    return key ? <span className="error small">{t(key)}</span> : null;
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="modal user-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="user-form-title"
        data-testid="user-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="modal-head">
          <h2 id="user-form-title">{user ? t('users.editTitle', { name: user.name }) : t('users.newTitle')}</h2>
          <button type="button" className="icon" aria-label={t('tokens.close')} onClick={onClose}>
            <X size={16} aria-hidden />
          </button>
        </div>
        <div className="form-grid">
          <label>
            {t('users.email')}
            <input
              type="email"
              data-testid="user-email"
              value={form.email}
              disabled={user !== undefined}
              onChange={(e) => edit({ email: e.target.value })}
            />
            {fieldError('email')}
          </label>
          <label>
            {t('users.name')}
            <input data-testid="user-name" value={form.name} onChange={(e) => edit({ name: e.target.value })} />
            {fieldError('name')}
          </label>
          <label>
            {user ? t('users.newPassword') : t('users.password')}
            <input
              type="password"
              autoComplete="new-password"
              data-testid="user-password"
              value={form.password}
              placeholder={user ? t('users.passwordKeep') : t('users.passwordNone')}
              onChange={(e) => edit({ password: e.target.value })}
            />
            {fieldError('password')}
          </label>
          <label>
            {t('users.language')}
            <select value={form.language} onChange={(e) => edit({ language: e.target.value === 'en' ? 'en' : 'zh-CN' })}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
        <fieldset className="checkboxes" data-testid="user-roles">
          <legend>{t('users.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                value={role}
                checked={form.roles.includes(role)}
                onChange={(e) => edit({ roles: toggled(form.roles, role, e.target.checked) })}
              />
              {ROLE_LABELS[role][locale]}
            </label>
          ))}
          {fieldError('roles')}
        </fieldset>
        <fieldset className="checkboxes" data-testid="user-groups">
          <legend>{t('users.groups')}</legend>
          {groups.length === 0 && <span className="muted small">{t('users.noGroups')}</span>}
          {groups.map((group) => (
            <label key={group.id} className="checkbox">
              <input
                type="checkbox"
                checked={form.groups.includes(group.id)}
                onChange={(e) => edit({ groups: toggled(form.groups, group.id, e.target.checked) })}
              />
              {groupName(group)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('users.agent')}
          <select data-testid="user-agent" value={form.agentId} onChange={(e) => edit({ agentId: e.target.value })}>
            <option value="">{t('users.noAgent')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name} ({agent.id})
              </option>
            ))}
          </select>
        </label>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="save-user">
            {user ? t('users.save') : t('users.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('flows.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
