import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(first, 'correct horse battery stapl')).toBe(false);
  });

  it('returns false (never throws) for a missing or corrupt hash, still spending the hashing time', async () => {
    const started = performance.now();
    expect(await verifyPassword(null, 'anything')).toBe(false);
    const missingMs = performance.now() - started;
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);

    // The unknown-user path must cost about as much as a real verification (no timing oracle).
    const hash = await hashPassword('something');
    const realStarted = performance.now();
    await verifyPassword(hash, 'wrong');
    const realMs = performance.now() - realStarted;
    const dummyStarted = performance.now();
    await verifyPassword(undefined, 'wrong');
    const dummyMs = performance.now() - dummyStarted;
    expect(missingMs).toBeGreaterThan(0);
    expect(dummyMs).toBeGreaterThan(realMs * 0.3);
  });
});
