import type { Me, TokenCreated, TokenView, UserView } from '@switchyard/api';

/** Examples of the sign-in, token and user routes for the OpenAPI document (hand-written: their answers carry secrets and random ids). */
const me: Me = {
  id: '6f1c2a9e-3b7d-4c1e-9a55-0d2f4b8e7c31',
  email: 'zhao-peng@example.com',
  name: '赵鹏 Zhao Peng',
  roles: ['agent'],
  groups: ['tech_support'],
  agentId: 'zhao-peng',
  language: 'zh-CN',
  via: 'session',
};
const token: TokenView = {
  id: '0b6f7d4e-8a2c-4f3b-b1e9-5c7a2d9e4f10',
  name: 'ci publish',
  roles: ['supervisor'],
  createdAt: '2026-05-01T01:00:00.000Z',
  expiresAt: '2026-08-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};
const user: UserView = {
  id: me.id,
  email: me.email,
  name: me.name,
  language: 'zh-CN',
  roles: ['agent'],
  groups: ['tech_support'],
  agentId: 'zhao-peng',
  disabled: false,
  hasPassword: true,
  createdAt: '2026-05-01T01:00:00.000Z',
  lastLoginAt: '2026-05-01T01:30:00.000Z',
};
const created: TokenCreated = { ...token, token: 'syt_Yc3m7QeW2b9xK0rT5uV8nJ1aL4dF6gH2pS0zX7cB3vN' };

export const AUTH_EXAMPLES = {
  login: { email: 'zhao-peng@example.com', password: 'switchyard-demo' },
  me,
  signedOut: { signedOut: true },
  createToken: { name: 'ci publish', roles: ['supervisor'], expiresAt: '2026-08-01T00:00:00Z' },
  token,
  tokens: [token],
  tokenCreated: created,
  revoked: { ...token, revokedAt: '2026-05-02T08:00:00.000Z' },
  user,
  users: [user],
  createUser: {
    email: 'li.na@example.com',
    name: '李娜 Li Na',
    password: 'a long first password',
    roles: ['agent'],
    groups: ['after_sales'],
  },
  patchUser: { roles: ['agent', 'supervisor'], groups: ['after_sales', 'logistics'] },
  id: me.id,
} as const;
