import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { missingSecrets } from '../model/secret-rows';
import { routeHash } from '../use-hash-route';

/** A warning in the inspector when the node's type needs secrets that have no value. */
export function MissingSecrets({ entry }: { entry: CatalogEntry | undefined }) {
  const { t } = useI18n();
  const names = missingSecrets(entry);
  if (names.length === 0) return null;
  return (
    <p className="warning small" role="status" data-testid="missing-secrets">
      {t('inspector.missingSecrets', { names: names.join(', ') })} <a href={routeHash({ page: 'secrets' })}>{t('inspector.openSecrets')}</a>
    </p>
  );
}
