import { ChevronDown, KeyRound, LogOut, UserRound } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { ROLE_LABELS } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { LOCALES, type Locale } from '../i18n/translate';
import { useMe, useSession } from './session-context';
import { TokensDialog } from './tokens-dialog';

const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '中文' } as const;

/** The header's user menu: who is signed in and as what, their language, personal tokens, sign out. */
export function UserMenu() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [tokens, setTokens] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const roles = me.roles.map((role) => ROLE_LABELS[role][locale]).join(locale === 'zh-CN' ? '、' : ', ');
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const chooseLanguage = (next: Locale) => {
    setLocale(next);
    // Kept with the user too, for what the server writes to them; a token or the admin token has no profile.
    if (me.via === 'session' && next !== me.language) void api.patchUser(me.id, { language: next }).catch(() => undefined);
  };

  return (
    <div className="user-menu" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <UserRound size={16} aria-hidden />
        <span>{me.name}</span>
        <ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <div className="user-menu-list" id={menuId} data-testid="user-menu-list">
          <div className="user-menu-who">
            <strong>{me.name}</strong>
            <span className="muted small">{me.email}</span>
            <span className="small" data-testid="user-roles">
              {t('user.roles', { roles })}
            </span>
          </div>
          <div className="user-menu-language" role="group" aria-label={t('app.language')}>
            <span className="small muted">{t('app.language')}</span>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                className={l === locale ? 'small active' : 'small'}
                aria-pressed={l === locale}
                onClick={() => chooseLanguage(l)}
              >
                {LANGUAGE_NAMES[l]}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="user-menu-item"
            data-testid="open-tokens"
            onClick={() => {
              setOpen(false);
              setTokens(true);
            }}
          >
            <KeyRound size={16} aria-hidden /> {t('tokens.title')}
          </button>
          <button type="button" className="user-menu-item" data-testid="sign-out" onClick={() => void signOut()}>
            <LogOut size={16} aria-hidden /> {t('user.signOut')}
          </button>
        </div>
      )}
      {tokens && <TokensDialog onClose={() => setTokens(false)} />}
    </div>
  );
}
