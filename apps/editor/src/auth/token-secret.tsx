import { Copy, TriangleAlert } from 'lucide-react';
import { useRef, useState } from 'react';
import type { TokenCreated } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';

/** A token's secret, shown this once: copy it now, it cannot be shown again. */
export function TokenSecret({ token, onDone }: { token: TokenCreated; onDone: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
    } catch {
      // No clipboard API outside a secure context (http on another host): select it for Ctrl+C instead.
      input.current?.select();
      return;
    }
    setCopied(true);
  };
  return (
    <div className="token-secret" data-testid="token-secret">
      <p className="warning" role="alert">
        <TriangleAlert size={16} aria-hidden /> {t('tokens.once', { name: token.name })}
      </p>
      <div className="row">
        <input ref={input} readOnly className="mono" value={token.token} data-testid="token-value" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()} data-testid="copy-token">
          <Copy size={16} aria-hidden /> {copied ? t('tokens.copied') : t('tokens.copy')}
        </button>
      </div>
      <div>
        <button type="button" className="primary" onClick={onDone} data-testid="token-done">
          {t('tokens.done')}
        </button>
      </div>
    </div>
  );
}
