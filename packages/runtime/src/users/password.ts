import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (the library's default: 19 MiB, 2 passes, the OWASP
 * minimum), as a PHC string that carries its own parameters, so they can be raised later.
 */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches the PHC string; a malformed hash counts as no match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends as long as a real check, for a sign-in with an unknown email (or a user without a
 * password): the answer's timing must not tell whether an account exists.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hash('switchyard decoy password');
  await verifyPassword(await decoy, password);
  return false;
}
