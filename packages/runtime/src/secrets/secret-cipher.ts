import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyRing } from '../data-keys/data-key-ring';

/**
 * How a row's value is stored: `data-key` sealed with the data key ring (every value saved
 * now), `aes-256-gcm` with the legacy SWITCHYARD_SECRETS_KEY, `none` in clear (rows saved
 * before the data key; both are re-sealed with the data key at start).
 */
export type Cipher = 'data-key' | 'aes-256-gcm' | 'none';

/** A value as the secrets table stores it. */
export interface StoredSecret {
  readonly value: string;
  readonly cipher: Cipher;
}

/** The associated data of a secret's value: its name, so a value copied to another name's row does not open. */
const secretPurpose = (name: string) => `secret:${name}`;

/**
 * Seals a secret value with the current data key.
 * @example const stored = sealSecretWithDataKey(ring, 'BILLING_API_KEY', 'sk-1');
 */
export function sealSecretWithDataKey(ring: DataKeyRing, name: string, value: string): StoredSecret {
  return { value: ring.seal(value, secretPurpose(name)), cipher: 'data-key' };
}

/**
 * Seals a secret value the legacy way (SWITCHYARD_SECRETS_KEY): AES-256-GCM with a fresh 12-byte IV and the secret's name as
 * associated data (a value copied to another name's row does not decrypt); in clear when
 * there is no key.
 * @example const stored = sealSecret('BILLING_API_KEY', 'sk-1', key);
 */
export function sealSecret(name: string, value: string, key: Buffer | undefined): StoredSecret {
  if (!key) return { value, cipher: 'none' };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { value: [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.'), cipher: 'aes-256-gcm' };
}

/** Opens a stored value; throws naming the secret (never its value) when the key is missing or wrong. */
export function openSecret(name: string, stored: StoredSecret, key: Buffer | undefined, ring: DataKeyRing): string {
  if (stored.cipher === 'none') return stored.value;
  if (stored.cipher === 'data-key') {
    try {
      return ring.open(stored.value, secretPurpose(name));
    } catch (error) {
      throw new Error(`secret ${name} cannot be decrypted: its data key is not in SWITCHYARD_DATA_KEY(_PREVIOUS)`, { cause: error });
    }
  }
  if (!key) throw new Error(`secret ${name} is encrypted but SWITCHYARD_SECRETS_KEY is not set`);
  const [iv, tag, data] = stored.value.split('.').map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !data) throw new Error(`secret ${name}: the stored value is damaged`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new Error(`secret ${name} cannot be decrypted: SWITCHYARD_SECRETS_KEY is not the key it was saved with`, { cause: error });
  }
}
