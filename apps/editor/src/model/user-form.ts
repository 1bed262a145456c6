import type { CreateUserRequest, PatchUserRequest, Role, UserView } from '@switchyard/api';

/** The admin page's user form. An empty `password` keeps the current one (or, new, makes an SSO-only user); an empty `agentId` is none. */
export interface UserForm {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly groups: readonly string[];
  readonly agentId: string;
  readonly language: 'en' | 'zh-CN';
}

/** What to fix in a user form, per field (message keys of the dictionaries). */
export type UserFormErrors = Partial<
  Record<'email' | 'name' | 'password' | 'roles', `users.error.${'email' | 'name' | 'password' | 'roles'}`>
>;

type Checked<T> = { readonly ok: true; readonly request: T } | { readonly ok: false; readonly errors: UserFormErrors };

/** The form of a new user, or of one to edit. */
export function userFormOf(user?: UserView): UserForm {
  if (!user) return { email: '', name: '', password: '', roles: ['agent'], groups: [], agentId: '', language: 'zh-CN' };
  return { ...user, password: '', agentId: user.agentId ?? '' };
}

function errorsOf(form: UserForm, checkEmail: boolean): UserFormErrors {
  const errors: UserFormErrors = {};
  if (checkEmail && !/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) errors.email = 'users.error.email';
  if (!form.name.trim()) errors.name = 'users.error.name';
  // The server's rule: at least 10 characters (a passphrase, not a PIN).
  if (form.password && (form.password.length < 10 || form.password.length > 200)) errors.password = 'users.error.password';
  if (form.roles.length === 0) errors.roles = 'users.error.roles';
  return errors;
}

/**
 * The `POST /api/users` body of a filled form, or what to fix first.
 * @example createUserRequestOf({ ...userFormOf(), email: 'li@example.com', name: 'Li' }) // { ok: true, request: { email, name, roles: ['agent'], groups: [], language: 'zh-CN' } }
 */
export function createUserRequestOf(form: UserForm): Checked<CreateUserRequest> {
  const errors = errorsOf(form, true);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      email: form.email.trim(),
      name: form.name.trim(),
      roles: [...form.roles],
      groups: [...form.groups],
      language: form.language,
      ...(form.password ? { password: form.password } : {}),
      ...(form.agentId ? { agentId: form.agentId } : {}),
    },
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The `PATCH /api/users/:id` body of what the form changed on `user` (empty when nothing), or what to fix first. */
export function patchUserRequestOf(user: UserView, form: UserForm): Checked<PatchUserRequest> {
  const errors = errorsOf(form, false);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const patch: PatchUserRequest = {};
  if (form.name.trim() !== user.name) patch.name = form.name.trim();
  if (form.password) patch.password = form.password;
  if (!sameList(form.roles, user.roles)) patch.roles = [...form.roles];
  if (!sameList(form.groups, user.groups)) patch.groups = [...form.groups];
  if ((form.agentId || null) !== user.agentId) patch.agentId = form.agentId || null;
  if (form.language !== user.language) patch.language = form.language;
  return { ok: true, request: patch };
}

/** `list` with `item` added when `on`, removed when not (the checkboxes of roles and groups). */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
