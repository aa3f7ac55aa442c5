/**
 * Belgian national register number (rijksregisternummer), DOMAIN.md §4: 11 digits
 * YYMMDD-SSS-CC; CC = 97 - (first 9 digits mod 97), and for people born in 2000 or later the
 * 9 digits are prefixed with "2" before the modulo. Bis numbers (month + 20 or + 40) pass the
 * same check. Returns the 11 digits, or null when the number is not valid.
 */
export function normaliseNationalNumber(input: string): string | null {
  const digits = input.replace(/[\s.\-]/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const before2000 = 97 - (Number(base) % 97);
  const from2000 = 97 - (Number(`2${base}`) % 97);
  if (check !== before2000 && check !== from2000) return null;
  return digits;
}

export function formatNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/** A valid number for a given birth date and serial, for seeds and tests. */
export function makeNationalNumber(birth: Date, serial: number): string {
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const base = `${yy}${mm}${dd}${String(serial).padStart(3, '0')}`;
  const n = birth.getUTCFullYear() >= 2000 ? Number(`2${base}`) : Number(base);
  return `${base}${String(97 - (n % 97)).padStart(2, '0')}`;
}
