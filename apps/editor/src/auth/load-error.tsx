import { useState } from 'react';
import { needsToken, saveToken } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';

/**
 * A page's load error. A 401 asks for the API token (the server's SWITCHYARD_ADMIN_TOKEN) and
 * retries with it; anything else is shown as it is.
 */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  if (!needsToken(error)) return <p className="page-message error">{t('app.error', { message: error.message })}</p>;
  return (
    <form
      className="dialog page-message"
      data-testid="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        saveToken(token);
        onRetry();
      }}
    >
      <p>{t('auth.title')}</p>
      <label>
        {t('auth.token')}
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('auth.save')}
      </button>
    </form>
  );
}
