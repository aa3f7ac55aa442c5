import { describe, expect, it } from 'vitest';
import { formatNationalNumber, makeNationalNumber, normaliseNationalNumber } from '@/lib/validation/national-number';

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

  it('formats as YY.MM.DD-SSS.CC', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
  });
});
