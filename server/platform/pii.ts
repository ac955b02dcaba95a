import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskCnResidentId } from '../../common/rules/cn-id';
import { maskCnMobile } from '../../common/rules/cn-mobile';

/**
 * Personal-data protection (PIPL): identity-document numbers are stored encrypted (AES-256-GCM)
 * with a keyed hash (HMAC-SHA256) beside them for exact lookup, and shown masked.
 */
export interface PiiKeys {
  encryptionKey: Buffer;
  hashKey: Buffer;
}

/** The secret from FORECOURT_SECRET_KEY, or one generated once into the data directory with mode 0600. */
export function loadSecretKey(dataDir: string, fromEnv = process.env.FORECOURT_SECRET_KEY): PiiKeys {
  let master: Buffer;
  if (fromEnv) {
    master = Buffer.from(fromEnv, /^[0-9a-f]{64}$/i.test(fromEnv) ? 'hex' : 'utf8');
  } else {
    const file = join(dataDir, 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    master = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  // Two independent keys derived from the one secret: one to encrypt, one to hash.
  return {
    encryptionKey: createHmac('sha256', master).update('forecourt:encrypt').digest(),
    hashKey: createHmac('sha256', master).update('forecourt:lookup-hash').digest(),
  };
}

export function encryptField(keys: PiiKeys, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function decryptField(keys: PiiKeys, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('unknown encrypted field format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash for exact lookup without decrypting every row. */
export function lookupHash(keys: PiiKeys, plain: string): string {
  return createHmac('sha256', keys.hashKey).update(plain.trim().toUpperCase()).digest('base64url');
}

/** `110101199003071234` → `110***********1234` (the rules library's mask, shared with the web app). */
export const maskIdNumber = maskCnResidentId;

/** `13812345678` or `+86 138 1234 5678` → `138****5678`. */
export const maskPhone = maskCnMobile;
