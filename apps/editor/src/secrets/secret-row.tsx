import { useState } from 'react';
import { api } from '../api/api-client';
import type { SecretView } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmButton } from '../panels/confirm-button';
import { SetSecretForm } from './set-secret-form';

/** One secret: set or not, where from, encrypted, which nodes use it; set a value, or delete the stored one. */
export function SecretRow({ secret, onChanged }: { secret: SecretView; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    setError(null);
    try {
      await api.deleteSecret(secret.name);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <tr data-secret={secret.name} data-set={secret.set}>
      <th scope="row">
        <code>{secret.name}</code>
      </th>
      <td>
        <span className={`pill ${secret.set ? 'valid' : 'invalid'}`} data-testid="secret-status">
          {secret.set ? t('secrets.set') : t('secrets.unset')}
        </span>
      </td>
      <td>{secret.source ? t(secret.source === 'table' ? 'secrets.sourceTable' : 'secrets.sourceEnv') : t('flows.none')}</td>
      <td>{secret.encrypted === null ? t('flows.none') : secret.encrypted ? t('secrets.yes') : t('secrets.no')}</td>
      <td>{secret.usedBy.length > 0 ? secret.usedBy.join(', ') : <span className="muted">{t('secrets.unused')}</span>}</td>
      <td>
        <SetSecretForm name={secret.name} onSaved={onChanged} />
        {error && (
          <span className="error small" role="alert">
            {error}
          </span>
        )}
      </td>
      <td>
        {/* Only a stored value can be deleted; an environment one is changed where it is set. */}
        {secret.source === 'table' && (
          <ConfirmButton
            label={t('secrets.delete')}
            className="danger-outline"
            question={t('secrets.confirmDelete', { name: secret.name })}
            onConfirm={() => void remove()}
          />
        )}
      </td>
    </tr>
  );
}
