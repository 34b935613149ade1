import 'server-only';

/**
 * Sign-in lockout policy (pure, so it is easy to test): the first few failures are free, then
 * each further failure locks the account for exponentially longer, capped at a day.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_MS = 15 * 60 * 1000;
export const LOCKOUT_MAX_MS = 24 * 60 * 60 * 1000;

/** How long to lock after the `failedSignIns`-th consecutive failure (0 = do not lock). */
export function lockoutDurationMs(failedSignIns: number): number {
  if (failedSignIns < LOCKOUT_THRESHOLD) return 0;
  const doublings = failedSignIns - LOCKOUT_THRESHOLD;
  return Math.min(LOCKOUT_MAX_MS, LOCKOUT_BASE_MS * 2 ** Math.min(doublings, 20));
}

export function isLocked(lockedUntil: Date | null, now: Date = new Date()): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
