import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce } from './content-security-policy';

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

describe('buildContentSecurityPolicy', () => {
  it('never allows eval or inline scripts in production', () => {
    const policy = buildContentSecurityPolicy({ nonce: 'abc', development: false });
    const scriptSrc = directive(policy, 'script-src') ?? '';
    expect(scriptSrc).toContain("'nonce-abc'");
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('forbids framing and plugins', () => {
    const policy = buildContentSecurityPolicy({ nonce: 'abc', development: false });
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it('allows eval only for next dev', () => {
    const policy = buildContentSecurityPolicy({ nonce: 'abc', development: true });
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
  });
});

describe('createNonce', () => {
  it('is base64 of 16 bytes and differs per call', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
