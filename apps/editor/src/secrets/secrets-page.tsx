import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { sortSecrets } from '../model/secret-rows';
import { useLoad } from '../use-load';
import { SecretRow } from './secret-row';
import { SetSecretForm } from './set-secret-form';

/** The secrets custom nodes read: which are set, from where, who uses them; values go in, never out. */
export function SecretsPage() {
  const { t } = useI18n();
  const [secrets, reload] = useLoad(() => api.secrets());
  return (
    <section className="secrets-page" data-testid="secrets-page">
      <div className="page-title">
        <h1>{t('secrets.title')}</h1>
      </div>
      <p className="muted">{t('secrets.intro')}</p>
      {secrets.status === 'loading' && <p>{t('app.loading')}</p>}
      {secrets.status === 'error' && <LoadError error={secrets.error} onRetry={reload} />}
      {secrets.status === 'done' && secrets.data.length === 0 && <p>{t('secrets.empty')}</p>}
      {secrets.status === 'done' && secrets.data.length > 0 && (
        <table className="flows-table secrets-table" data-testid="secrets-table">
          <thead>
            <tr>
              <th>{t('secrets.name')}</th>
              <th>{t('secrets.status')}</th>
              <th>{t('secrets.source')}</th>
              <th>{t('secrets.encrypted')}</th>
              <th>{t('secrets.usedBy')}</th>
              <th>{t('secrets.newValue')}</th>
              <th>
                <span className="visually-hidden">{t('secrets.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortSecrets(secrets.data).map((secret) => (
              <SecretRow key={secret.name} secret={secret} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('secrets.addTitle')}</h2>
      <SetSecretForm onSaved={reload} />
    </section>
  );
}
