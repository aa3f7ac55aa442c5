import { describe, expect, it } from 'vitest';
import {
  formatNationalNumber,
  makeNationalNumber,
  nationalNumberAgreesWithBirthDate,
  normaliseNationalNumber,
} from '@/lib/validation/national-number';

describe('national register number (DOMAIN.md §4)', () => {
  it('accepts a valid number born before 2000, with or without punctuation', () => {
    // 85.07.30-033: 97 - (850730033 mod 97) = 28
    expect(normaliseNationalNumber('85.07.30-033.28')).toBe('85073003328');
    expect(normaliseNationalNumber('85073003328')).toBe('85073003328');
  });

  it('accepts a number of someone born in 2000 or later, whose check digits use the "2" prefix', () => {
    // 16.02.03-082: 97 - (2160203082 mod 97) = 13; without the prefix it would be 81 (someone born in 1916)
    expect(makeNationalNumber(new Date(Date.UTC(2016, 1, 3)), 82)).toBe('16020308213');
    expect(normaliseNationalNumber('16.02.03-082.13')).toBe('16020308213');
    expect(normaliseNationalNumber('16020308281')).toBe('16020308281');
    expect(normaliseNationalNumber('16020308214')).toBeNull();
  });

  it('rejects wrong check digits, wrong length and letters', () => {
    expect(normaliseNationalNumber('85073003329')).toBeNull();
    expect(normaliseNationalNumber('8507300336')).toBeNull();
    expect(normaliseNationalNumber('8507300336a')).toBeNull();
    expect(normaliseNationalNumber('')).toBeNull();
  });

  it('rejects a number whose date part is no real date in the century of its check digits', () => {
    const withDate = (yymmdd: string, serial = '123') => {
      const base = `${yymmdd}${serial}`;
      return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
    };
    expect(normaliseNationalNumber(withDate('850230'))).toBeNull(); // 30 February
    expect(normaliseNationalNumber(withDate('851301'))).toBeNull(); // month 13
    expect(normaliseNationalNumber(withDate('850732'))).toBeNull(); // 32 July
    expect(normaliseNationalNumber(withDate('840229'))).toBe(withDate('840229')); // 1984 was a leap year
    expect(normaliseNationalNumber(withDate('852730'))).toBe(withDate('852730')); // bis number: month + 20
    expect(normaliseNationalNumber(withDate('850000'))).toBe(withDate('850000')); // birth date unknown
    expect(normaliseNationalNumber(withDate('850015'))).toBeNull(); // a day without a month
  });

  it('tells whether the number agrees with a birth date', () => {
    const nn = makeNationalNumber(new Date(Date.UTC(1985, 6, 30)), 33);
    expect(nationalNumberAgreesWithBirthDate(nn, '1985-07-30')).toBe(true);
    expect(nationalNumberAgreesWithBirthDate(nn, '1985-07-31')).toBe(false);
    expect(nationalNumberAgreesWithBirthDate(nn, '1885-07-30')).toBe(false);
  });

  it('formats as YY.MM.DD-SSS.CC', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
  });
});
