import { Languages } from 'lucide-react';
import { useI18n } from './i18n-context';
import { LOCALES } from './translate';

const NAMES = { en: 'English', 'zh-CN': '中文' } as const;

/** The zh-CN / en switch in the header. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="language-switch" title={t('app.language')}>
      <Languages size={16} aria-hidden />
      <select
        aria-label={t('app.language')}
        data-testid="language-switch"
        value={locale}
        onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'zh-CN')}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
