import { Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@madang/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { invalidField } from '../core/domain-error';

// scrypt with N=2^15, r=8, p=1: 32 MiB of memory per hash (OWASP's recommended minimum for scrypt).
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

let common: Set<string> | undefined;
/** The 49k most common passwords of zxcvbn-ts' list, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

@Injectable()
export class PasswordService {
  /** Throws a validation error naming `field` when the password breaks the policy. */
  assertAcceptable(
    password: string,
    field: string,
    context: { email?: string; displayName?: string } = {},
  ): void {
    if (password.length < PASSWORD_MIN_LENGTH)
      throw invalidField(field, 'too_short', { min: PASSWORD_MIN_LENGTH });
    if (password.length > PASSWORD_MAX_LENGTH)
      throw invalidField(field, 'too_long', { max: PASSWORD_MAX_LENGTH });
    const lowered = password.toLowerCase();
    const personal = [
      context.email?.toLowerCase(),
      context.email?.split('@')[0]?.toLowerCase(),
      context.displayName?.toLowerCase(),
    ];
    if (
      commonPasswords().has(lowered) ||
      new Set(lowered).size <= 2 ||
      personal.some((p) => p && p.length >= 4 && lowered === p)
    ) {
      throw invalidField(field, 'password_too_common');
    }
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, PARAMS);
    return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** Spends the same time as a real verification, so unknown e-mails cannot be told apart by timing. */
  async burn(password: string): Promise<void> {
    await derive(password, Buffer.alloc(16), PARAMS);
  }
}
