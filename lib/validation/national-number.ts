/**
 * Belgian national register number (rijksregisternummer), DOMAIN.md §4: 11 digits
 * YYMMDD-SSS-CC; CC = 97 - (first 9 digits mod 97), and for people born in 2000 or later the
 * 9 digits are prefixed with "2" before the modulo. Bis numbers (month + 20 or + 40) pass the
 * same check. The date part must be a real date in the century the check digits give (or 00 for
 * an unknown month or day). Returns the 11 digits, or null when the number is not valid.
 */
export function normaliseNationalNumber(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  // the check digits say the century; the date part must then be a real date (or unknown: 00)
  return birthDatesOf(digits).length > 0 ? digits : null;
}

/**
 * The birth dates a national number can stand for: for each century whose check digits match,
 * the date of the first six digits (month + 20 or + 40 for a bis number), or 'unknown' when the
 * month or day is 00. An impossible date (30 February, month 13) gives nothing for that century.
 */
export function birthDatesOf(digits: string): ('unknown' | string)[] {
  if (!/^\d{11}$/.test(digits)) return [];
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const centuries: number[] = [];
  if (check === 97 - (Number(base) % 97)) centuries.push(1900);
  if (check === 97 - (Number(`2${base}`) % 97)) centuries.push(2000);
  const yy = Number(digits.slice(0, 2));
  const rawMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  const out: ('unknown' | string)[] = [];
  for (const century of centuries) {
    if (month > 12 || day > 31) continue;
    if (month === 0 && day !== 0) continue;
    if (month === 0 || day === 0) {
      out.push('unknown');
      continue;
    }
    const d = new Date(Date.UTC(century + yy, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) continue;
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** True when the number's date part agrees with a birth date (YYYY-MM-DD), or is unknown. */
export function nationalNumberAgreesWithBirthDate(digits: string, birthDate: string): boolean {
  const dates = birthDatesOf(digits);
  return dates.includes('unknown') || dates.includes(birthDate);
}

export const NATIONAL_NUMBER_BIRTH_DATE_MISMATCH =
  'Het rijksregisternummer past niet bij de geboortedatum. Controleer beide.';

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
