import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The envelope's version: `v1:<keyId>:<base64 of iv, tag and ciphertext>`. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** What a sealed value looks like; anything else is read as a value stored in clear (before encryption). */
const SEALED = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;

/** One AES-256-GCM key and its id (the first 8 hex digits of its SHA-256), which sealed values carry. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The data keys: values are sealed with the current one and opened with whichever key of
 * the ring sealed them, so a new key can be put in front while rows are re-sealed in the
 * background (rotation without downtime).
 */
export interface DataKeyRing {
  readonly current: DataKey;
  readonly previous: readonly DataKey[];
  /**
   * Seals a value (a fresh IV each time); `purpose` is bound as associated data, so a value
   * copied into another purpose's column does not open. An empty string stays empty.
   */
  seal(value: string, purpose: string): string;
  /** Opens a sealed value with the key it names; a value not sealed (written before encryption) comes back as it is. */
  open(value: string, purpose: string): string;
  /** Whether a value is sealed with the current key (an empty value counts as done). */
  isCurrent(value: string): boolean;
}

/** Thrown when a sealed value cannot be opened: its key is not in the ring, or the value was altered. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
}

/** The id a key's sealed values carry. */
export function dataKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * A ring of 32-byte keys: the first seals, all open.
 * @example const ring = createDataKeyRing(randomBytes(32)); ring.open(ring.seal('王女士', 'customer'), 'customer');
 */
export function createDataKeyRing(current: Buffer, previous: readonly Buffer[] = []): DataKeyRing {
  const now: DataKey = { id: dataKeyId(current), key: current };
  const older = previous.map((key) => ({ id: dataKeyId(key), key })).filter((key) => key.id !== now.id);
  const byId = new Map([now, ...older].map((key) => [key.id, key]));
  return {
    current: now,
    previous: older,
    seal(value, purpose) {
      if (value === '') return value;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', now.key, iv);
      cipher.setAAD(Buffer.from(purpose, 'utf8'));
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return `${VERSION}:${now.id}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },
    open(value, purpose) {
      const sealed = SEALED.exec(value);
      if (!sealed) return value;
      const [, id = '', payload = ''] = sealed;
      const key = byId.get(id);
      if (!key) throw new DataKeyError(`a ${purpose} value is sealed with data key ${id}, which is not in SWITCHYARD_DATA_KEY(_PREVIOUS)`);
      const bytes = Buffer.from(payload, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(purpose, 'utf8'));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new DataKeyError(`a ${purpose} value sealed with data key ${id} does not open: it was altered`, { cause: error });
      }
    },
    isCurrent(value) {
      return value === '' || SEALED.exec(value)?.[1] === now.id;
    },
  };
}

/** Whether a stored value is sealed (by any key). */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** The SQL LIKE pattern of values sealed with a key (for finding rows to re-seal). */
export function sealedWithPattern(key: DataKey): string {
  return `${VERSION}:${key.id}:%`;
}
