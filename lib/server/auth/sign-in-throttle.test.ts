import { describe, expect, it } from 'vitest';

import { SignInThrottle } from './sign-in-throttle';

function clock(start = 1_000_000) {
  const state = { now: start };
  return { now: () => state.now, advance: (ms: number) => (state.now += ms) };
}

describe('SignInThrottle', () => {
  it('allows up to maxFailures failures per address in the window, then refuses with the wait', () => {
    const time = clock();
    const throttle = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('192.0.2.1')).toEqual({ allowed: true });
      throttle.recordFailure('192.0.2.1');
      time.advance(1_000);
    }
    const refused = throttle.check('192.0.2.1');
    expect(refused.allowed).toBe(false);
    // The oldest failure was 3 s ago: it leaves the window in 57 s.
    expect(refused).toEqual({ allowed: false, retryAfterMs: 57_000 });
    // Other addresses are not affected.
    expect(throttle.check('192.0.2.2')).toEqual({ allowed: true });
  });

  it('lets the address in again once its oldest failures leave the window', () => {
    const time = clock();
    const throttle = new SignInThrottle({ maxFailures: 2, windowMs: 10_000, now: time.now });
    throttle.recordFailure('198.51.100.4');
    time.advance(5_000);
    throttle.recordFailure('198.51.100.4');
    expect(throttle.check('198.51.100.4').allowed).toBe(false);
    time.advance(5_001);
    expect(throttle.check('198.51.100.4')).toEqual({ allowed: true });
    throttle.recordFailure('198.51.100.4');
    expect(throttle.check('198.51.100.4').allowed).toBe(false);
    time.advance(20_000);
    expect(throttle.check('198.51.100.4')).toEqual({ allowed: true });
    expect(throttle.size).toBe(0);
  });

  it('treats requests without an address as one bucket and normalises case and spaces', () => {
    const throttle = new SignInThrottle({ maxFailures: 1, windowMs: 60_000 });
    throttle.recordFailure(null);
    expect(throttle.check('').allowed).toBe(false);
    throttle.recordFailure(' 2001:DB8::1 ');
    expect(throttle.check('2001:db8::1').allowed).toBe(false);
  });

  it('forgets the least recently failing addresses beyond maxKeys', () => {
    const throttle = new SignInThrottle({ maxFailures: 1, windowMs: 60_000, maxKeys: 3 });
    for (const address of ['a', 'b', 'c', 'd']) throttle.recordFailure(address);
    expect(throttle.size).toBe(3);
    expect(throttle.check('a')).toEqual({ allowed: true });
    expect(throttle.check('d').allowed).toBe(false);
  });
});
