import { describe, expect, it } from 'vitest';

import { bearerFromHeaders, generateApiToken, hashTokenSecret, parseApiToken, tokenSecretMatches } from './api-tokens';

describe('API tokens', () => {
  it('look like olk_<prefix>_<secret> and store only the sha256 of the secret', () => {
    const { token, prefix, tokenHash } = generateApiToken();
    expect(token).toMatch(/^olk_[a-z2-7]{10}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiToken(token);
    expect(parsed?.prefix).toBe(prefix);
    expect(tokenHash).toBe(hashTokenSecret(parsed!.secret));
    expect(tokenHash).not.toContain(parsed!.secret);
    expect(tokenSecretMatches(parsed!.secret, tokenHash)).toBe(true);
    expect(tokenSecretMatches(`${parsed!.secret.slice(0, -1)}x`, tokenHash)).toBe(false);
    expect(tokenSecretMatches(parsed!.secret, 'abcd')).toBe(false);
  });

  it('are unique', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiToken().token));
    const prefixes = new Set([...tokens].map((token) => parseApiToken(token)!.prefix));
    expect(tokens.size).toBe(200);
    expect(prefixes.size).toBe(200);
  });

  it('reject anything not shaped like a token', () => {
    for (const bad of ['', 'olk_', 'olk_ABCDEFGHIJ_' + 'a'.repeat(43), 'ghp_abc', `olk_abcdefghij_${'a'.repeat(42)}`]) {
      expect(parseApiToken(bad)).toBeNull();
    }
  });

  it('are read from Authorization: Bearer only', () => {
    expect(bearerFromHeaders(new Headers({ authorization: 'Bearer olk_x' }))).toBe('olk_x');
    expect(bearerFromHeaders(new Headers({ authorization: 'bearer   olk_x' }))).toBe('olk_x');
    expect(bearerFromHeaders(new Headers({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(bearerFromHeaders(new Headers())).toBeUndefined();
  });
});
