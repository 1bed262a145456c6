import { RuntimeInputError } from '../errors';
import { createDataKeyRing, type DataKeyRing } from './data-key-ring';

/** 32 bytes, base64 or 64 hex digits: seals customer data and secrets (AES-256-GCM). */
export const DATA_KEY_ENV = 'SWITCHYARD_DATA_KEY';
/** Older data keys, comma-separated: still opened, never used to seal; rows under them are re-sealed by the worker. */
export const PREVIOUS_DATA_KEYS_ENV = 'SWITCHYARD_DATA_KEY_PREVIOUS';

/**
 * Parses one key: 64 hex digits or base64 of 32 bytes. Throws naming the variable otherwise.
 * @example parseDataKey(process.env.SWITCHYARD_DATA_KEY ?? '', 'SWITCHYARD_DATA_KEY');
 */
export function parseDataKey(raw: string, variable: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new RuntimeInputError(
      `${variable} must be 32 bytes as base64 or 64 hex digits (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`,
      400,
    );
  }
  return key;
}

/**
 * The key ring of an environment (`SWITCHYARD_DATA_KEY` and `SWITCHYARD_DATA_KEY_PREVIOUS`),
 * or undefined when no current key is set. Throws naming a malformed variable.
 * @example const ring = dataKeyRingFromEnv(process.env);
 */
export function dataKeyRingFromEnv(env: Readonly<Record<string, string | undefined>>): DataKeyRing | undefined {
  const current = env[DATA_KEY_ENV]?.trim();
  const previous = (env[PREVIOUS_DATA_KEYS_ENV] ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (!current) {
    if (previous.length > 0) throw new RuntimeInputError(`${PREVIOUS_DATA_KEYS_ENV} is set but ${DATA_KEY_ENV} is not`, 400);
    return undefined;
  }
  return createDataKeyRing(
    parseDataKey(current, DATA_KEY_ENV),
    previous.map((key) => parseDataKey(key, PREVIOUS_DATA_KEYS_ENV)),
  );
}
