import { X } from 'lucide-react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Separators people type between keywords: commas (ASCII and full-width), the Chinese enumeration comma, newlines. */
const SEPARATORS = /[,，、\n]/;

/** A list of words as chips: type and press Enter (or a comma) to add, × to remove. */
export function ChipsInput({
  values,
  onChange,
  numeric = false,
  testId,
}: {
  values: readonly string[];
  onChange: (values: string[]) => void;
  numeric?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');

  function add(text: string) {
    const words = text
      .split(SEPARATORS)
      .map((w) => w.trim())
      .filter((w) => w !== '' && (!numeric || Number.isFinite(Number(w))));
    const fresh = words.filter((w) => !values.includes(w));
    if (fresh.length) onChange([...values, ...fresh]);
    setDraft('');
  }

  return (
    <div className="chips" data-testid={testId}>
      {values.map((value) => (
        <span key={value} className="chip">
          {value}
          <button type="button" aria-label={`remove ${value}`} onClick={() => onChange(values.filter((v) => v !== value))}>
            <X size={12} aria-hidden />
          </button>
        </span>
      ))}
      <input
        value={draft}
        placeholder={t('inspector.addChip')}
        inputMode={numeric ? 'numeric' : 'text'}
        onChange={(e) => (SEPARATORS.test(e.target.value) ? add(e.target.value) : setDraft(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && values.length) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={() => draft && add(draft)}
      />
    </div>
  );
}
