import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { type Agent, type Group, ROLE_LABELS, type UserView } from '@switchyard/api';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useGate } from '../auth/allowed';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useLoad } from '../use-load';
import { UserFormDialog } from './user-form-dialog';

interface UserRowProps {
  readonly user: UserView;
  readonly groups: ReadonlyMap<string, Group>;
  readonly agents: ReadonlyMap<string, Agent>;
  readonly self: boolean;
  readonly onEdit: () => void;
  readonly onChanged: () => void;
}

function UserRow({ user, groups, agents, self, onEdit, onChanged }: UserRowProps) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupName = (id: string) => {
    const group = groups.get(id);
    return group ? (locale === 'zh-CN' && group.nameZh ? group.nameZh : group.name) : id;
  };
  const toggleDisabled = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.patchUser(user.id, { disabled: !user.disabled });
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="user-row" data-email={user.email} data-disabled={user.disabled} className={user.disabled ? 'disabled' : undefined}>
      <td>{user.email}</td>
      <td>{user.name}</td>
      <td>{user.roles.map((role) => ROLE_LABELS[role][locale]).join(', ')}</td>
      <td>{user.groups.map(groupName).join(', ') || t('flows.none')}</td>
      <td>{user.agentId ? (agents.get(user.agentId)?.name ?? user.agentId) : t('flows.none')}</td>
      <td>
        {user.disabled ? (
          <span className="pill invalid">{t('users.disabled')}</span>
        ) : (
          <span className="pill valid">{t('users.active')}</span>
        )}
      </td>
      <td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString(locale) : t('users.never')}</td>
      <td className="actions">
        <button type="button" className="small" data-testid="edit-user" onClick={onEdit}>
          {t('users.edit')}
        </button>
        {/* Disabling oneself would lock the last admin out: the server refuses it too. */}
        <button
          type="button"
          className="small"
          data-testid="toggle-user"
          disabled={busy || self}
          title={self ? t('users.notSelf') : undefined}
          onClick={() => void toggleDisabled()}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
        {error && <div className="error small">{error}</div>}
      </td>
    </tr>
  );
}

/** Admins' page (`#/users`): every user with roles, groups and agent; create, edit, disable and enable. */
export function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const gate = useGate('users.manage');
  const [load, reload] = useLoad(async () => {
    const [users, groups, agents] = await Promise.all([api.listUsers(), api.groups().catch(() => []), api.agents().catch(() => [])]);
    return { users, groups, agents };
  });
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  if (!gate.allowed) return <p className="page-message error">{gate.reason}</p>;
  return (
    <section className="users-page" data-testid="users-page">
      <div className="page-title">
        <h1>{t('users.title')}</h1>
        <button type="button" className="primary" data-testid="new-user" onClick={() => setEditing('new')}>
          <UserPlus size={16} aria-hidden /> {t('users.new')}
        </button>
      </div>
      {load.status === 'loading' && <p>{t('app.loading')}</p>}
      {load.status === 'error' && <LoadError error={load.error} onRetry={reload} />}
      {load.status === 'done' && (
        <>
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('users.email')}</th>
                <th>{t('users.name')}</th>
                <th>{t('users.roles')}</th>
                <th>{t('users.groups')}</th>
                <th>{t('users.agent')}</th>
                <th>{t('users.status')}</th>
                <th>{t('users.lastLogin')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {load.data.users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  groups={new Map(load.data.groups.map((g) => [g.id, g]))}
                  agents={new Map(load.data.agents.map((a) => [a.id, a]))}
                  self={user.id === me.id}
                  onEdit={() => setEditing(user)}
                  onChanged={reload}
                />
              ))}
            </tbody>
          </table>
          {editing && (
            <UserFormDialog
              user={editing === 'new' ? undefined : editing}
              groups={load.data.groups}
              agents={load.data.agents}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
