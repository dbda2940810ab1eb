import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords hashed with scrypt (node:crypto), stored as `scrypt$N$r$p$<salt b64>$<hash b64>` so the
 * cost can be raised later without breaking old hashes.
 */
/** OWASP's current scrypt parameters (N = 2^17, r = 8, p = 1): about 0.3 s and 128 MB a hash here. */
const COST = { N: 131072, r: 8, p: 1 } as const;
/** Hashes run at most this many at a time; the rest wait their turn, so a burst cannot exhaust memory. */
const PARALLEL_HASHES = 2;
const KEY_LENGTH = 64;
/** Shorter passwords are refused when an account is created or a password is set. */
export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | null = null;
/** zxcvbn-ts's list of the passwords most often found in leaks (about 49,000), lower-cased. */
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** Why a new password is refused, or null: too short, or one of the passwords most often guessed. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: expected at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(lower)) return 'password: this is one of the passwords most often guessed; choose another';
  return null;
}

/** Letters and digits no one misreads (no 0/o, 1/l/i): what a generated password is made of. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';
/**
 * A password made for an account (created or reset by an administrator or officer): four groups of
 * four characters from READABLE, joined by hyphens (19 characters, about 79 bits from crypto's
 * random source), e.g. `k7mq-x9tf-3wz8-pcv4`. Shown once and never stored in the clear.
 */
export function generatePassword(random: (max: number) => number = randomInt): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => READABLE[random(READABLE.length)]).join(''));
    const password = groups.join('-');
    if (!passwordProblem(password)) return password;
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `f` when fewer than PARALLEL_HASHES others run (first come, first served). */
async function inTurn<T>(f: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL_HASHES) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const derive = (password: string, salt: Buffer, o: { N: number; r: number; p: number }) =>
  inTurn(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 128 * o.N * o.r * 2 };
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing anyone can type: a login for an unknown account still spends the same time. */
export const DUMMY_HASH = ['scrypt', COST.N, COST.r, COST.p, 'AAAAAAAAAAAAAAAAAAAAAA==', Buffer.alloc(KEY_LENGTH).toString('base64')].join('$');
