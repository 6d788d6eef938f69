import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt is memory-hard and ships with Node, so no native addon is needed. The parameters are
 * stored beside each hash so they can be raised later without invalidating old passwords.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS.keylen, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/** A hash of a random secret: lets a login for an unknown user cost as much as a real one. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));

export interface PasswordCheck {
  ok: boolean;
  message: string;
}

/** The minimum policy: 8+ characters with letters and digits, not the username. */
export function checkPasswordPolicy(password: string, username: string): PasswordCheck {
  if (password.length < 8) return { ok: false, message: '密码至少 8 位' };
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    return { ok: false, message: '密码需同时包含字母和数字' };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { ok: false, message: '密码不能包含用户名' };
  }
  return { ok: true, message: '' };
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** RFC 4648 base32: no 0/1/8/9, so 0/O and 1/I cannot be confused on paper. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomFrom(alphabet: string, length: number): string {
  // 256 is not a multiple of every alphabet size: redraw bytes past the last whole multiple.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A temporary password an administrator reads out once; it must be changed at first login. */
export function generatePassword(username: string): string {
  for (;;) {
    const candidate = randomFrom(PASSWORD_ALPHABET, 10);
    if (checkPasswordPolicy(candidate, username).ok) return candidate;
  }
}

/** 20 base32 characters (100 bits) printed as 4 groups of 5: ABCDE-FGHIJ-KLMNO-PQRST. */
export function generateRecoveryCode(): string {
  return randomFrom(BASE32, 20).match(/.{5}/g)!.join('-');
}

/** Accepts the code as typed: any case, with or without dashes and spaces. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
