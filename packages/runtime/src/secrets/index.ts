export { putSecret } from './put-secret';
export { deleteSecret } from './delete-secret';
export { listSecrets, setSecretNames } from './list-secrets';
export { SECRET_ENV_PREFIX, SECRETS_KEY_ENV, secretSettingsFromEnv } from './secret-settings';
export type { SecretSettings } from './secret-settings';
