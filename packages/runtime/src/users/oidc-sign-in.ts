import { randomUUID } from 'node:crypto';
import type { Role } from '@switchyard/api';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import type { RuntimeContext } from '../durable/runtime-context';
import { createSession, type NewSession } from './sessions';
import type { UserRow } from './user-view';

/** Who an OpenID Connect provider vouched for, its claims mapped to Switchyard's roles and groups. */
export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly groups: readonly string[];
}

export type OidcSignInResult =
  | { readonly outcome: 'signed-in'; readonly user: UserRow; readonly session: NewSession }
  /** `no-role`: the provider grants no Switchyard role; `disabled`: an admin disabled the account; `no-email`: a new person without an email; `other-identity`: the email belongs to a user linked to another SSO identity. */
  | { readonly outcome: 'refused'; readonly reason: 'no-role' | 'disabled' | 'no-email' | 'other-identity' };

/**
 * Signs in a person the provider vouched for: finds the user by issuer+subject, else by email
 * (linking the identity to that account), else creates one; the provider is the source of their
 * roles and groups, written at every sign-in (changes audited, by the user themselves); then
 * opens a session. A person whose claims grant no role is refused, never given a default one.
 */
export async function signInWithOidc(ctx: Pick<RuntimeContext, 'db' | 'clock'>, identity: OidcIdentity): Promise<OidcSignInResult> {
  const now = ctx.clock.now();
  if (identity.roles.length === 0) return { outcome: 'refused', reason: 'no-role' };
  return inTransaction(ctx.db, async (trx) => {
    const linked = await trx
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', identity.issuer)
      .where('oidc_subject', '=', identity.subject)
      .forUpdate()
      .executeTakeFirst();
    const byEmail =
      linked ??
      (identity.email
        ? await trx.selectFrom('users').selectAll().where('email', '=', identity.email).forUpdate().executeTakeFirst()
        : undefined);
    const roles = [...new Set(identity.roles)];
    const groups = [...new Set(identity.groups)];
    let user: UserRow;
    if (byEmail) {
      if (byEmail.disabled) return { outcome: 'refused', reason: 'disabled' } as const;
      if (!linked && byEmail.oidc_subject !== null) return { outcome: 'refused', reason: 'other-identity' } as const;
      const fields = [
        ...(sameSet(byEmail.roles, roles) ? [] : ['roles']),
        ...(sameSet(byEmail.groups, groups) ? [] : ['groups']),
        ...(linked ? [] : ['sso']),
      ];
      user = await trx
        .updateTable('users')
        .set({ roles, groups, oidc_issuer: identity.issuer, oidc_subject: identity.subject })
        .where('id', '=', byEmail.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (fields.length > 0) {
        await appendAudit(trx, {
          at: now,
          actor: user.email,
          kind: 'user.changed',
          detail: { userId: user.id, email: user.email, fields },
        });
      }
    } else {
      if (!identity.email) return { outcome: 'refused', reason: 'no-email' } as const;
      const id = randomUUID();
      user = await trx
        .insertInto('users')
        .values({
          id,
          email: identity.email,
          name: identity.name,
          language: 'en',
          roles,
          groups,
          agent_id: null,
          password_hash: null,
          disabled: false,
          oidc_issuer: identity.issuer,
          oidc_subject: identity.subject,
          created_at: now,
          last_login_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        at: now,
        actor: identity.email,
        kind: 'user.created',
        detail: { userId: id, email: identity.email, roles },
      });
    }
    const session = await createSession(trx, user.id, now);
    return { outcome: 'signed-in', user, session } as const;
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
