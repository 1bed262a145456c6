import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an API token: 32 bytes, base64url, optionally with a prefix that tells what it is. */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a secret: its sha-256, hex. A 256-bit random secret needs no slow hash. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
