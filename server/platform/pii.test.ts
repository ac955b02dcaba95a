import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, loadSecretKey, lookupHash, maskIdNumber, maskPhone } from './pii';

describe('personal-data protection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forecourt-key-'));
  const keys = loadSecretKey(dir, undefined);

  it('generates the key once into the data directory, readable only by its owner', () => {
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const again = loadSecretKey(dir, undefined);
    expect(again.encryptionKey.equals(keys.encryptionKey)).toBe(true);
    expect(loadSecretKey(dir, 'a'.repeat(64)).encryptionKey.equals(keys.encryptionKey)).toBe(false);
  });

  it('round-trips any text, never stores it in clear, and detects tampering', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (plain) => {
        const stored = encryptField(keys, plain);
        expect(decryptField(keys, stored)).toBe(plain);
        expect(stored.includes(plain) && plain.length > 3).toBe(false);
      }),
    );
    const stored = encryptField(keys, '11010519491231002X');
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => decryptField(keys, tampered)).toThrow();
  });

  it('hashes for exact lookup regardless of case and spaces, differently per key', () => {
    expect(lookupHash(keys, ' 11010519491231002x')).toBe(lookupHash(keys, '11010519491231002X'));
    expect(lookupHash(keys, '11010519491231002X')).not.toBe(
      lookupHash(loadSecretKey(dir, 'b'.repeat(64)), '11010519491231002X'),
    );
  });

  it('masks identity numbers and phone numbers as Chinese forms show them', () => {
    expect(maskIdNumber('110105194912310021')).toBe('110***********0021');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });
});
