import 'server-only';

/**
 * Per-address throttle of failed sign-ins, against password spraying: the per-account lockout
 * (lockout.ts) stops guessing one account, this stops one address from trying many accounts.
 *
 * A sliding window of failure times per client address (X-Forwarded-For's first hop or X-Real-IP as
 * set by the reverse proxy in front of the console; requests without either share one bucket). Kept
 * in memory per replica: a restart forgets it, and the per-account lockout in the database still holds.
 */
export interface SignInThrottleOptions {
  /** Failed sign-ins allowed per address within the window. */
  maxFailures: number;
  windowMs: number;
  /** Addresses remembered at most (oldest forgotten first), so a flood of addresses cannot exhaust memory. */
  maxKeys: number;
  now: () => number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  maxKeys: 50_000,
  now: () => Date.now(),
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SignInThrottle {
  private readonly options: SignInThrottleOptions;
  /** Failure times per address, oldest first. Map order doubles as least-recently-failed order. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: Partial<SignInThrottleOptions> = {}) {
    this.options = { ...DEFAULT_SIGN_IN_THROTTLE, ...options };
  }

  /** Whether an address may try to sign in now. */
  check(address: string | null | undefined): ThrottleDecision {
    const times = this.recent(keyOf(address));
    if (times.length < this.options.maxFailures) return { allowed: true };
    const oldest = times[times.length - this.options.maxFailures];
    return { allowed: false, retryAfterMs: Math.max(1_000, oldest + this.options.windowMs - this.options.now()) };
  }

  recordFailure(address: string | null | undefined): void {
    const key = keyOf(address);
    const times = this.recent(key);
    times.push(this.options.now());
    // Only the newest maxFailures matter for the decision.
    if (times.length > this.options.maxFailures) times.splice(0, times.length - this.options.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.options.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey === undefined) break;
      this.failures.delete(oldestKey);
    }
  }

  /** Addresses currently tracked (for tests). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const cutoff = this.options.now() - this.options.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop] <= cutoff) drop++;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}

function keyOf(address: string | null | undefined): string {
  return address?.trim().toLowerCase() || 'unknown';
}

const globalForThrottle = globalThis as unknown as { overlookSignInThrottle?: SignInThrottle };

/** The process-wide throttle. */
export function getSignInThrottle(): SignInThrottle {
  globalForThrottle.overlookSignInThrottle ??= new SignInThrottle();
  return globalForThrottle.overlookSignInThrottle;
}

/** Replaces the process-wide throttle (tests). */
export function setSignInThrottle(throttle: SignInThrottle | undefined): void {
  globalForThrottle.overlookSignInThrottle = throttle;
}
