import { hash, hashRaw } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

const PHC_SALT = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)$/;

/**
 * The argon2id digest of `password` with the salt and parameters the database hands out
 * (`auth_password_salt`): the database compares it with the stored hash, so the app never reads
 * a hash (ADR 0020). The same cost for unknown addresses, which get a stable fake salt.
 */
export async function passwordDigest(password: string, saltSpec: string | null | undefined): Promise<string | null> {
  const m = PHC_SALT.exec(saltSpec ?? '');
  if (!m) return null;
  const raw = await hashRaw(password, {
    algorithm: 2, // Algorithm.Argon2id (a const enum)
    memoryCost: Number(m[1]),
    timeCost: Number(m[2]),
    parallelism: Number(m[3]),
    salt: Buffer.from(m[4]!, 'base64'),
  });
  return raw.toString('base64').replace(/=+$/, '');
}
