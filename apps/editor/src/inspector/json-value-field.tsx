import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LazyCodeField } from '../monaco/lazy-code-field';

/** Any JSON value in Monaco; the value changes only when the text parses. */
export function JsonValueField({
  value,
  onChange,
  height = 140,
  testId,
  path,
  schema,
}: {
  value: unknown;
  onChange: (value: unknown) => void;
  height?: number;
  testId?: string;
  /** With `schema`: Monaco checks and completes the JSON against it. */
  path?: string;
  schema?: unknown;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  // A change from outside (undo, another field) replaces the text unless it already means the same.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // The text being typed is not JSON yet: the outside value wins.
      }
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    });
  }, [value]);
  return (
    <div>
      <LazyCodeField
        language="json"
        value={text}
        height={height}
        {...(testId ? { testId } : {})}
        {...(path ? { path } : {})}
        {...(schema !== undefined ? { schema } : {})}
        onChange={(next) => {
          setText(next);
          if (next.trim() === '') {
            setError(null);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setError(null);
            onChange(parsed);
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          }
        }}
      />
      {error && <p className="error small">{t('inspector.invalidJson', { message: error })}</p>}
    </div>
  );
}
