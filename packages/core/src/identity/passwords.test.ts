import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed and refuses others', async () => {
    const hash = await hashPassword('correct horse battery', 10);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and carries its parameters, so that old hashes stay verifiable', async () => {
    const a = await hashPassword('same password', 10);
    const b = await hashPassword('same password', 11);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(b).toMatch(/^scrypt\$ln=11,/);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('treats canonically equivalent Unicode as the same password (NFKC)', async () => {
    const hash = await hashPassword('café-password', 10);
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it('refuses a stored value that is not a hash it understands', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$ln=10,r=8,p=1$only-salt', 'bcrypt$2b$10$abc']) {
      expect(await verifyPassword('plain-text', stored)).toBe(false);
    }
  });
});
