import { LogIn } from 'lucide-react';
import { useState } from 'react';
import { oidcStartPath } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/language-switch';
import { type SignInProblem, signInProblem } from '../model/sign-in-problem';
import { useLoad } from '../use-load';
import { useSession } from './session-context';

function ProblemText({ problem }: { problem: SignInProblem }) {
  const { t } = useI18n();
  const text =
    problem.kind === 'wrong'
      ? t('signIn.wrong')
      : problem.kind === 'locked'
        ? t('signIn.locked', { wait: problem.wait })
        : t('app.error', { message: problem.message });
  return (
    <p className="error" role="alert" data-testid="sign-in-error" data-kind={problem.kind}>
      {text}
    </p>
  );
}

/** The page everyone sees before signing in: email and password, SSO when the server offers it, the language. */
export function SignInPage() {
  const { t, locale } = useI18n();
  const { signedIn } = useSession();
  // Without an answer, the password form alone (the server still refuses SSO it does not have).
  const [providers] = useLoad(() => api.authProviders().catch(() => ({ password: true, oidc: null })));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const offer = providers.status === 'done' ? providers.data : { password: true, oidc: null };

  async function signIn() {
    setBusy(true);
    setProblem(null);
    try {
      signedIn(await api.login({ email: email.trim(), password }));
    } catch (error) {
      setProblem(signInProblem(error, locale));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="sign-in-page" data-testid="sign-in-page">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <form
        className="sign-in-card"
        onSubmit={(e) => {
          e.preventDefault();
          void signIn();
        }}
      >
        <h1>{t('app.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {offer.password && (
          <>
            <label>
              {t('signIn.email')}
              <input
                type="email"
                autoComplete="username"
                required
                autoFocus
                data-testid="sign-in-email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              {t('signIn.password')}
              <input
                type="password"
                autoComplete="current-password"
                required
                data-testid="sign-in-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {problem && <ProblemText problem={problem} />}
            <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
              <LogIn size={16} aria-hidden /> {busy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </>
        )}
        {offer.oidc && (
          <>
            {offer.password && <div className="sign-in-or">{t('signIn.or')}</div>}
            {/* A page load, not a fetch: the provider's sign-in page comes back here with the session cookie set. */}
            <a className="button" href={oidcStartPath('/')} data-testid="sign-in-sso">
              {offer.oidc.name ? t('signIn.ssoNamed', { name: offer.oidc.name }) : t('signIn.sso')}
            </a>
          </>
        )}
      </form>
    </div>
  );
}
