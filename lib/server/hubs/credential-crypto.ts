import 'server-only';

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption at rest of registered hubs' credentials: AES-256-GCM with the 32-byte
 * OVERLOOK_SECRET_KEY, a random 12-byte IV per write, the 16-byte auth tag, and the hub name as
 * additional authenticated data (a row copied to another hub name does not decrypt).
 *
 * Envelope (one string column): `v1.<keyId>.<iv>.<tag>.<ciphertext>`, all base64url; `keyId` is the
 * first 8 hex characters of sha256(key) so a wrong key is named instead of failing as "tampered".
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why stored credentials cannot be used: a different key, or a damaged/tampered envelope. */
export class CredentialDecryptError extends Error {
  constructor(
    message: string,
    readonly reason: 'wrong-key' | 'tampered' | 'malformed',
  ) {
    super(message);
    this.name = 'CredentialDecryptError';
  }
}

/** Public identifier of a key (not secret: 32 bits of its hash). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('the credential key must be 32 bytes (AES-256)');
}

export function encryptCredentials(plaintext: string, key: Buffer, aad: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyIdOf(key), iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** The key id an envelope was written with, or null when it is not an envelope. */
export function envelopeKeyId(envelope: string): string | null {
  const parts = envelope.split('.');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : null;
}

export function decryptCredentials(envelope: string, key: Buffer, aad: string): string {
  checkKey(key);
  const parts = envelope.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new CredentialDecryptError('stored credentials are not in a known format (expected v1.<keyId>.<iv>.<tag>.<ciphertext>)', 'malformed');
  }
  const [, storedKeyId, ivText, tagText, dataText] = parts;
  const keyId = keyIdOf(key);
  if (storedKeyId !== keyId) {
    throw new CredentialDecryptError(
      `cannot decrypt with the configured OVERLOOK_SECRET_KEY (key id ${keyId}, stored with ${storedKeyId}): configure the key the hub was registered with, or register the hub's credentials again`,
      'wrong-key',
    );
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new CredentialDecryptError('stored credentials are damaged (bad IV or authentication tag length)', 'malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new CredentialDecryptError('stored credentials failed authentication (tampered, or stored for another hub name)', 'tampered');
  }
}
