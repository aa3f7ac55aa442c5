import * as OTPAuth from 'otpauth';

/** The code an authenticator app shows for a secret (base32) at a moment: RFC 6238, SHA-1, 6 digits, 30 s. */
export function totpCode(secretBase32: string, at = Date.now()): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp: at });
}
