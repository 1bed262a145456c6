import { RuntimeInputError } from '../errors';

/** Environment variables named `SWITCHYARD_SECRET_<NAME>` provide the secret `<NAME>`. */
export const SECRET_ENV_PREFIX = 'SWITCHYARD_SECRET_';
/** Legacy (before SWITCHYARD_DATA_KEY): 32 bytes, base64 or hex; opens rows saved with it until they are re-sealed at start. */
export const SECRETS_KEY_ENV = 'SWITCHYARD_SECRETS_KEY';

/** Where secret values come from, besides the secrets table. */
export interface SecretSettings {
  /** Read for `SWITCHYARD_SECRET_<NAME>`; other variables are never exposed to nodes. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The legacy SWITCHYARD_SECRETS_KEY: opens rows saved with it (new values are sealed with the data key). */
  readonly key?: Buffer | undefined;
}

/**
 * Secret settings from an environment: its `SWITCHYARD_SECRET_*` variables and the key of
 * `SWITCHYARD_SECRETS_KEY`. Throws naming the variable when the key is not 32 bytes.
 * @example const settings = secretSettingsFromEnv(process.env);
 */
export function secretSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): SecretSettings {
  const raw = env[SECRETS_KEY_ENV];
  return { env, key: raw ? parseKey(raw) : undefined };
}

function parseKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new RuntimeInputError(
      `${SECRETS_KEY_ENV} must be 32 bytes as base64 or 64 hex digits (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`,
      400,
    );
  }
  return key;
}

/** The value of `<NAME>` from the environment, when set and not empty. */
export function envSecret(settings: SecretSettings, name: string): string | undefined {
  const value = settings.env[`${SECRET_ENV_PREFIX}${name}`];
  return value === undefined || value === '' ? undefined : value;
}

/** Names the environment provides. */
export function envSecretNames(settings: SecretSettings): string[] {
  return Object.keys(settings.env)
    .filter((k) => k.startsWith(SECRET_ENV_PREFIX) && settings.env[k])
    .map((k) => k.slice(SECRET_ENV_PREFIX.length));
}
