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

/** The password rules (ASVS 5.0 6.2: length, no composition rules; ADR 0043). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a new password is refused, in Dutch, or null: at least 12 and at most 128 characters (as
 * typed, spaces count), not the e-mail address or a single repeated character.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`;
  if (length > PASSWORD_MAX_LENGTH) return `Kies een wachtwoord van hoogstens ${PASSWORD_MAX_LENGTH} tekens.`;
  if (/^(.)\1*$/su.test(password)) return 'Kies een wachtwoord dat niet uit één herhaald teken bestaat.';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'Kies een wachtwoord dat niet je e-mailadres is.';
  return null;
}
