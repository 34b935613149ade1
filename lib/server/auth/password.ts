import 'server-only';

import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports a const enum, which isolatedModules cannot inline.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): ~20–40 ms here, bounded memory under load.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password in constant time. With no stored hash (unknown user, or an account without
 * a password) it verifies against a dummy hash anyway, so response time does not reveal which.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('overlook-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A corrupt hash must not become a 500 or a way in.
    return false;
  }
}
