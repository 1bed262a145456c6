import { parseDuration } from '@switchyard/flow';
import { useI18n } from '../i18n/i18n-context';
import { humanDuration } from '@switchyard/api';

/** A duration typed as "15m" / "2h" / "1h30m", read back for people as "15 min" beside it. */
export function DurationInput({ value, onChange, testId }: { value: string; onChange: (value: string) => void; testId?: string }) {
  const { t, locale } = useI18n();
  const valid = value === '' || parseDuration(value) !== undefined;
  return (
    <div className="duration-input">
      <input
        value={value}
        placeholder={t('inspector.durationHint')}
        aria-invalid={!valid}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className={valid ? 'muted' : 'error'}>
        {value === '' ? '' : valid ? humanDuration(value, locale) : t('inspector.durationInvalid')}
      </span>
    </div>
  );
}
