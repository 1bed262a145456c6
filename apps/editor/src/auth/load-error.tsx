import { useI18n } from '../i18n/i18n-context';

/**
 * A page's load error, as the server said it (a 403 names the permission missing, in the
 * page's language), with a retry. A 401 never stays here: the app shows the sign-in page.
 */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="page-message" data-testid="load-error">
      <p className="error">{t('app.error', { message: error.message })}</p>
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
