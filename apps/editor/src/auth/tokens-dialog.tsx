import { X } from 'lucide-react';
import { useState } from 'react';
import { ROLE_LABELS, type TokenCreated, type TokenView } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { tokenState } from '../model/token-form';
import { useLoad } from '../use-load';
import { LoadError } from './load-error';
import { NewTokenForm } from './new-token-form';
import { TokenSecret } from './token-secret';

function TokenRow({ token, onRevoke }: { token: TokenView; onRevoke: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const state = tokenState(token, new Date());
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : t('flows.none'));
  return (
    <tr data-testid="token-row" data-token-name={token.name} data-state={state}>
      <td>{token.name}</td>
      <td>{token.roles.map((role) => ROLE_LABELS[role][locale]).join(', ')}</td>
      <td>{date(token.createdAt)}</td>
      <td>{token.expiresAt ? date(token.expiresAt) : t('tokens.never')}</td>
      <td>{date(token.lastUsedAt)}</td>
      <td>
        {state === 'active' ? (
          <button
            type="button"
            className="small danger-outline"
            disabled={busy}
            data-testid="revoke-token"
            onClick={() => {
              setBusy(true);
              void onRevoke().finally(() => setBusy(false));
            }}
          >
            {t('tokens.revoke')}
          </button>
        ) : (
          <span className="pill">{t(`tokens.state.${state}`)}</span>
        )}
      </td>
    </tr>
  );
}

/** Personal API tokens for scripts and the CLI: create one (its secret shown once), the list, revoke. */
export function TokensDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [tokens, reload] = useLoad(() => api.listTokens());
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoke = async (id: string) => {
    setError(null);
    try {
      await api.revokeToken(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    reload();
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal tokens-dialog" role="dialog" aria-modal="true" aria-labelledby="tokens-title" data-testid="tokens-dialog">
        <div className="modal-head">
          <h2 id="tokens-title">{t('tokens.title')}</h2>
          <button type="button" className="icon" aria-label={t('tokens.close')} data-testid="close-tokens" onClick={onClose}>
            <X size={16} aria-hidden />
          </button>
        </div>
        <p className="muted small">{t('tokens.intro')}</p>
        {created ? (
          <TokenSecret token={created} onDone={() => setCreated(null)} />
        ) : (
          <NewTokenForm
            onCreated={(token) => {
              setCreated(token);
              reload();
            }}
          />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {tokens.status === 'error' && <LoadError error={tokens.error} onRetry={reload} />}
        {tokens.status === 'done' && tokens.data.length === 0 && <p className="muted">{t('tokens.empty')}</p>}
        {tokens.status === 'done' && tokens.data.length > 0 && (
          <table className="data-table" data-testid="tokens-table">
            <thead>
              <tr>
                <th>{t('tokens.name')}</th>
                <th>{t('tokens.roles')}</th>
                <th>{t('tokens.created')}</th>
                <th>{t('tokens.expires')}</th>
                <th>{t('tokens.lastUsed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow key={token.id} token={token} onRevoke={() => revoke(token.id)} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
