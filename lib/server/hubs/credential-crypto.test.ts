import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { CredentialDecryptError, decryptCredentials, encryptCredentials, envelopeKeyId, keyIdOf } from './credential-crypto';

const key = randomBytes(32);
const secret = JSON.stringify({ kind: 'token', token: 'sk-super-secret-token-value' });

function expectDecryptError(fn: () => unknown, reason: CredentialDecryptError['reason'], message?: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialDecryptError);
    expect((error as CredentialDecryptError).reason).toBe(reason);
    if (message) expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a CredentialDecryptError');
}

describe('credential envelope (AES-256-GCM)', () => {
  it('round-trips and never contains the plaintext', () => {
    const envelope = encryptCredentials(secret, key, 'cn-east');
    expect(envelope).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain('sk-super-secret');
    expect(Buffer.from(envelope.split('.')[4], 'base64url').toString('utf8')).not.toContain('sk-super-secret');
    expect(decryptCredentials(envelope, key, 'cn-east')).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    const a = encryptCredentials(secret, key, 'cn-east');
    const b = encryptCredentials(secret, key, 'cn-east');
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toBe(b);
  });

  it('names both key ids when the configured key is not the one it was stored with', () => {
    const other = randomBytes(32);
    const envelope = encryptCredentials(secret, key, 'cn-east');
    expect(envelopeKeyId(envelope)).toBe(keyIdOf(key));
    expectDecryptError(
      () => decryptCredentials(envelope, other, 'cn-east'),
      'wrong-key',
      new RegExp(`cannot decrypt with the configured OVERLOOK_SECRET_KEY \\(key id ${keyIdOf(other)}, stored with ${keyIdOf(key)}\\)`),
    );
  });

  it('binds the hub name (AAD): a row copied to another hub does not decrypt', () => {
    const envelope = encryptCredentials(secret, key, 'cn-east');
    expectDecryptError(() => decryptCredentials(envelope, key, 'cn-south'), 'tampered');
  });

  it('detects tampering with ciphertext, tag or IV', () => {
    const envelope = encryptCredentials(secret, key, 'cn-east');
    const parts = envelope.split('.');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] ^= 0x01;
      return bytes.toString('base64url');
    };
    for (const index of [2, 3, 4]) {
      const changed = [...parts];
      changed[index] = flip(changed[index]);
      expectDecryptError(() => decryptCredentials(changed.join('.'), key, 'cn-east'), 'tampered');
    }
  });

  it('refuses malformed envelopes and wrong key sizes', () => {
    expectDecryptError(() => decryptCredentials('plain-token', key, 'cn-east'), 'malformed');
    expectDecryptError(() => decryptCredentials('v2.a.b.c.d', key, 'cn-east'), 'malformed');
    const parts = encryptCredentials(secret, key, 'cn-east').split('.');
    parts[3] = 'AAAA';
    expectDecryptError(() => decryptCredentials(parts.join('.'), key, 'cn-east'), 'malformed');
    expect(() => encryptCredentials(secret, randomBytes(16), 'cn-east')).toThrow(/32 bytes/);
  });
});
