import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { Role } from './permissions';

/** HTML's own email rule (what a browser's type="email" accepts): it takes `admin@localhost`, the first admin's default. */
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ pattern: z.regexes.html5Email }));
const Password = z.string().min(10).max(200);
const Language = z.enum(['en', 'zh-CN']);

/** POST /api/auth/login: sets the session cookie. */
export const LoginRequest = z
  .strictObject({ email: Email, password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest', example: { email: 'admin@localhost', password: 'correct horse battery staple' } });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The answer to POST /api/auth/logout (extension): the session is ended and its cookie cleared. */
export const SignedOut = z.object({ signedOut: z.literal(true) }).meta({ id: 'SignedOut' });
export type SignedOut = z.infer<typeof SignedOut>;

/** GET /api/auth/me: who is signed in (a user, a personal token, or the break-glass admin token). */
export const Me = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    /** Roster group ids whose tickets this person reaches. */
    groups: z.array(z.string()),
    /** Extension: the roster agent this user works as (tickets assigned to them), if any. */
    agentId: z.string().nullable(),
    language: Language,
    /** Extension: how the request was authenticated. */
    via: z.enum(['session', 'token', 'admin-token']),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** A user as admins see them (GET /api/users). No password hash ever leaves the server. */
export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    language: Language,
    roles: z.array(Role),
    groups: z.array(z.string()),
    agentId: z.string().nullable(),
    disabled: z.boolean(),
    /** Whether the user can sign in with a password (SSO-only users cannot). */
    hasPassword: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof UserView>;
export const UserList = z.array(UserView);

/** POST /api/users (admin). */
export const CreateUserRequest = z
  .strictObject({
    email: Email,
    name: z.string().trim().min(1).max(INPUT_LIMITS.name),
    password: Password.optional(),
    roles: z.array(Role).min(1).max(5),
    groups: z.array(z.string().min(1).max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems).optional(),
    agentId: z.string().min(1).max(INPUT_LIMITS.id).optional(),
    language: Language.optional(),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** PATCH /api/users/:id (admin; a user may change their own name, language and password). */
export const PatchUserRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(INPUT_LIMITS.name).optional(),
    password: Password.optional(),
    roles: z.array(Role).min(1).max(5).optional(),
    groups: z.array(z.string().min(1).max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems).optional(),
    agentId: z.string().min(1).max(INPUT_LIMITS.id).nullable().optional(),
    language: Language.optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: 'PatchUserRequest' });
export type PatchUserRequest = z.infer<typeof PatchUserRequest>;

/** POST /api/tokens: a personal API token for scripts and the CLI; roles default to (and may not exceed) the user's. */
export const CreateTokenRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(INPUT_LIMITS.name),
    roles: z.array(Role).min(1).max(5).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'CreateTokenRequest' });
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

/** A token as listed: never its secret, which only the creating answer carries, once. */
export const TokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    roles: z.array(Role),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'TokenView' });
export type TokenView = z.infer<typeof TokenView>;
export const TokenList = z.array(TokenView);

/** The answer to POST /api/tokens: `token` is shown this once and stored only hashed. */
export const TokenCreated = TokenView.extend({ token: z.string() }).meta({ id: 'TokenCreated' });
export type TokenCreated = z.infer<typeof TokenCreated>;
