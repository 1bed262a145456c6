import { z } from 'zod';
import {
  type CreateTokenRequest,
  type CreateUserRequest,
  type LoginRequest,
  Me,
  type PatchUserRequest,
  TokenCreated,
  TokenList,
  TokenView,
  UserList,
  UserView,
} from '../auth';
import type { HttpCall } from './http-call';

/** What GET /api/auth/providers says the sign-in page may offer: the password form, and SSO when configured. */
export const AuthProviders = z.object({
  password: z.boolean().default(true),
  /** The OpenID Connect provider, when the deployment configured one. */
  oidc: z.object({ name: z.string().optional() }).nullable().default(null),
});
export type AuthProviders = z.infer<typeof AuthProviders>;

/** Where the browser goes to sign in through SSO (a redirect, not a JSON call); `returnTo` is a path of this origin. */
export const oidcStartPath = (returnTo = '/'): string => `/api/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;

const tokenPath = (id: string) => `/api/tokens/${encodeURIComponent(id)}`;
const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;
/** Logout answers no body a caller needs. */
const Anything = z.unknown();

/**
 * The sign-in, personal token and user methods of `createApiClient`: who is signed in, the
 * tokens scripts and the CLI use, and the admins' user list.
 */
export function authMethods(call: HttpCall) {
  return {
    /** Signs in with a password: the answer sets the session cookie and says who is signed in. A 401 is a wrong password, a 429 a lockout. */
    login: (body: LoginRequest) => call(Me, 'POST', '/api/auth/login', body),
    /** Ends the session (the cookie is cleared). */
    logout: async (): Promise<void> => void (await call(Anything, 'POST', '/api/auth/logout', {})),
    /** Who the request is from; a 401 when nobody is signed in. */
    me: () => call(Me, 'GET', '/api/auth/me'),
    /** How one may sign in here (public). */
    authProviders: () => call(AuthProviders, 'GET', '/api/auth/providers'),
    /** The signed-in user's personal tokens, revoked and expired ones included; never a secret. */
    listTokens: () => call(TokenList, 'GET', '/api/tokens'),
    /** A new personal token: its secret (`token`) is in this answer only. */
    createToken: (body: CreateTokenRequest) => call(TokenCreated, 'POST', '/api/tokens', body),
    /** Revokes a personal token: it stops working at once. The answer is the token, revoked. */
    revokeToken: (id: string) => call(TokenView, 'DELETE', tokenPath(id)),
    listUsers: () => call(UserList, 'GET', '/api/users'),
    createUser: (body: CreateUserRequest) => call(UserView, 'POST', '/api/users', body),
    /** Changes what is given (disable with `{ disabled: true }`); an admin for anyone, a user for their own name, language and password. */
    patchUser: (id: string, body: PatchUserRequest) => call(UserView, 'PATCH', userPath(id), body),
  };
}
