import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '@switchyard/api';
import { Roster } from '@switchyard/nodes';
import { sql } from 'kysely';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import type { RuntimeContext } from '../durable/runtime-context';
import { createUser } from './create-user';
import { hashPassword } from './password';

/** Who the audit names for accounts the first start and seeding create. */
export const SETUP_ACTOR = 'system:setup';
/** The first admin's email when SWITCHYARD_ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';
/** The password of every demo account seeding creates (documented in the README; never on a real deployment's users). */
export const DEMO_PASSWORD = 'switchyard-demo';
/** The demo accounts' email domain: `<agent id>@example.com`, `engineer@example.com`, `ops@example.com`. */
export const DEMO_EMAIL_DOMAIN = 'example.com';
/** The demo account example 13's approval node names as its `user`. */
export const FINANCE_DIRECTOR_EMAIL = `finance-director@${DEMO_EMAIL_DOMAIN}`;

/** What the first start did: nothing (users exist), or the admin it created, with the password it made up if it made one. */
export type FirstAdmin =
  { readonly created: false } | { readonly created: true; readonly email: string; readonly generatedPassword: string | undefined };

/**
 * On an empty users table, creates the first admin: from the given email and password, or
 * `admin@localhost` with a generated password the caller prints once. Safe for several
 * processes starting at once (an advisory lock; the second finds the user).
 */
export async function ensureFirstAdmin(
  ctx: Pick<RuntimeContext, 'db' | 'clock'>,
  given: { readonly email?: string | undefined; readonly password?: string | undefined },
): Promise<FirstAdmin> {
  const generatedPassword = given.password === undefined ? randomBytes(12).toString('base64url') : undefined;
  const password = given.password ?? generatedPassword;
  const email = (given.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  return inTransaction(ctx.db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('switchyard.first-admin'))`.execute(trx);
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return { created: false };
    await createUser({ db: trx, clock: ctx.clock }, { email, name: 'Admin', password, roles: ['admin'] }, SETUP_ACTOR);
    return { created: true, email, generatedPassword };
  });
}

/** One demo account seeding creates. */
interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly roles: Role[];
  readonly groups: string[];
  readonly agentId: string | null;
}

/**
 * Gives the example roster's agents accounts (role agent, their groups, their agent id; the
 * roster's supervisors get supervisor over every group), plus `engineer@`, `ops@` and `finance-director@` (example 13's approver), all with
 * `DEMO_PASSWORD`, so every role can be tried. Existing emails are left alone. Only for seeded examples.
 * @returns the emails it created
 */
export async function seedExampleUsers(ctx: Pick<RuntimeContext, 'db' | 'clock'>, examplesDir: string): Promise<string[]> {
  const roster = Roster.parse(JSON.parse(await readFile(join(examplesDir, 'agents.json'), 'utf8')));
  const allGroups = roster.groups.map((group) => group.id);
  const demo: DemoUser[] = [
    ...roster.agents.map((agent) => ({
      email: `${agent.id}@${DEMO_EMAIL_DOMAIN}`,
      name: agent.name,
      roles: agent.supervisor ? (['supervisor'] satisfies Role[]) : (['agent'] satisfies Role[]),
      groups: agent.supervisor ? allGroups : [...agent.groups],
      agentId: agent.id,
    })),
    { email: `engineer@${DEMO_EMAIL_DOMAIN}`, name: 'Demo engineer', roles: ['engineer'], groups: [], agentId: null },
    { email: `ops@${DEMO_EMAIL_DOMAIN}`, name: 'Demo ops', roles: ['ops'], groups: [], agentId: null },
    // Example 13 (refund-approval) asks this person by email; a supervisor of finance, not an agent taking tickets.
    { email: FINANCE_DIRECTOR_EMAIL, name: '财务总监 Finance director', roles: ['supervisor'], groups: ['finance'], agentId: null },
  ];
  // A restart finds them all: no argon2 run (it costs a noticeable part of a start).
  const before = new Set((await ctx.db.selectFrom('users').select('email').execute()).map((row) => row.email));
  if (demo.every((user) => before.has(user.email))) return [];
  // One hash for all: the password is public anyway, and twenty argon2 runs would slow every start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(ctx.db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('switchyard.seed-users'))`.execute(trx);
    const existing = new Set((await trx.selectFrom('users').select('email').execute()).map((row) => row.email));
    const now = ctx.clock.now();
    const created: string[] = [];
    for (const user of demo.filter((u) => !existing.has(u.email))) {
      const id = `demo-${user.email.split('@')[0] ?? user.email}`;
      await trx
        .insertInto('users')
        .values({
          id,
          email: user.email,
          name: user.name,
          language: 'en',
          roles: user.roles,
          groups: user.groups,
          agent_id: user.agentId,
          password_hash: passwordHash,
          disabled: false,
          oidc_issuer: null,
          oidc_subject: null,
          created_at: now,
          last_login_at: null,
        })
        .execute();
      await appendAudit(trx, {
        at: now,
        actor: SETUP_ACTOR,
        kind: 'user.created',
        detail: { userId: id, email: user.email, roles: user.roles },
      });
      created.push(user.email);
    }
    return created;
  });
}
