import { describe, expect, it } from 'vitest';

import { LOCKOUT_MAX_MS, isLocked, lockoutDurationMs } from './lockout';

describe('lockout policy', () => {
  it('allows four failures, then locks for 15 minutes, doubling to a one-day cap', () => {
    expect([1, 2, 3, 4].map(lockoutDurationMs)).toEqual([0, 0, 0, 0]);
    expect(lockoutDurationMs(5)).toBe(15 * 60_000);
    expect(lockoutDurationMs(6)).toBe(30 * 60_000);
    expect(lockoutDurationMs(7)).toBe(60 * 60_000);
    expect(lockoutDurationMs(12)).toBe(LOCKOUT_MAX_MS);
    expect(lockoutDurationMs(10_000)).toBe(LOCKOUT_MAX_MS);
  });

  it('is locked only until lockedUntil', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date('2026-12-01T10:00:01Z'), now)).toBe(true);
    expect(isLocked(new Date('2026-12-01T10:00:00Z'), now)).toBe(false);
  });
});
