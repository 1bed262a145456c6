import { type RuntimeContext, signInWithOidc } from '@switchyard/runtime';
import { setSessionCookie } from '../auth/session-cookie';
import type { SsoSignIn } from './oidc-routes';

const REFUSALS = {
  'no-role': [
    'your account at the sign-in provider grants no Switchyard role; ask an admin',
    '您在单点登录服务中的账号没有任何 Switchyard 角色，请联系管理员',
  ],
  disabled: ['this account is disabled; ask an admin', '此账号已停用，请联系管理员'],
  'no-email': ['the sign-in provider sent no verified email for this new account', '单点登录服务没有为此新账号提供已验证的邮箱'],
  'other-identity': ['this email belongs to an account linked to another sign-in identity', '此邮箱所属的账号已关联另一个单点登录身份'],
} as const;

/** The SSO sign-in of a deployment: the user found or created (`signInWithOidc`), the session cookie set, back to `returnTo`. */
export function sessionSignIn(ctx: RuntimeContext, publicUrl: string | undefined): SsoSignIn {
  return async (c, identity, returnTo) => {
    const result = await signInWithOidc(ctx, identity);
    if (result.outcome === 'refused') {
      const [en, zh] = REFUSALS[result.reason];
      return c.json({ error: en, details: { reason: result.reason, message: { en, 'zh-CN': zh } } }, 403);
    }
    setSessionCookie(c, result.session.secret, result.session.expiresAt, publicUrl);
    return c.redirect(returnTo, 302);
  };
}
