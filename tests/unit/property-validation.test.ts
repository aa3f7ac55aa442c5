import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import {
  birthDatesOf,
  formatNationalNumber,
  nationalNumberAgreesWithBirthDate,
  normaliseNationalNumber,
} from '@/lib/validation/national-number';
import { emptyMember, emptyReferral, referralSchema, validateReferral } from '@/lib/referrals/schemas';
import {
  planSessionSchema,
  inviteSchema,
  informationItemSchema,
  respondSchema,
  planActionSchema,
  feedbackSchema,
  minutesSchema,
} from '@/lib/conferences/schemas';
import {
  agencyExceptionSchema,
  agencyPositionSchema,
  agencyRequestSchema,
  checkSchema,
  decisionSchema,
  validateCheck,
  type CheckValues,
} from '@/lib/admission/schemas';
import { closeSchema, extensionSchema, retentionEnd } from '@/lib/closure/schemas';
import { partnerInputSchema } from '@/lib/partner-input/schemas';
import { givenSchema, proposalSchema } from '@/lib/disclosures/schemas';
import { memberVoiceSchema } from '@/lib/client-voice/schemas';
import { rectifySchema, validatePersonSearch, validateRectify } from '@/lib/gdpr/schemas';
import { transferSchema } from '@/lib/transfers/schemas';
import { parseStatisticsFilters, statisticsFilters } from '@/lib/reporting/schemas';
import { auditFilterSchema, parseAuditFilters } from '@/lib/dpo/filters';
import { cleanReason } from '@/lib/audit/log';
import { isAppError } from '@/lib/errors';

// thousands of cases per property: never bound by the default 5 s on a busy machine
vi.setConfig({ testTimeout: 300_000 });

/**
 * Property-based tests of the validation schemas: each checked against an independent model of
 * what the code promises (its doc comments and messages, DOMAIN.md §4 for the national number),
 * never against the code's own helpers. At least 1,000 cases per property.
 */

const RUNS = 2_000;
const TODAY = new Date('2026-12-03T10:00:00Z');

// ---------------------------------------------------------------- independent models

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
/** A real calendar date (proleptic Gregorian, as JavaScript's Date). */
const isRealDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** DOMAIN.md §4: CC = 97 - (9 digits mod 97), the 9 digits prefixed with "2" for births from 2000. */
const checkDigits = (nine: string, century: 1900 | 2000) =>
  pad(97 - (Number((century === 2000 ? '2' : '') + nine) % 97));

/**
 * The model of a valid national number (DOMAIN.md §4 and the doc comment of
 * lib/validation/national-number.ts): 11 digits; the check digits match for 1900 or for 2000;
 * the month is 01–12, or +20 / +40 for a bis number, or 00 (unknown, then the day is 00 too);
 * the day is 00 (unknown) or a real day of that month in that century. Returns the centuries.
 */
function modelCenturies(digits: string): (1900 | 2000)[] {
  if (!/^[0-9]{11}$/.test(digits)) return [];
  const nine = digits.slice(0, 9);
  const yy = Number(digits.slice(0, 2));
  const mmRaw = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  let month: number;
  if (mmRaw <= 12) month = mmRaw;
  else if (mmRaw >= 20 && mmRaw <= 32) month = mmRaw - 20;
  else if (mmRaw >= 40 && mmRaw <= 52) month = mmRaw - 40;
  else return [];
  const out: (1900 | 2000)[] = [];
  for (const century of [1900, 2000] as const) {
    if (digits.slice(9) !== checkDigits(nine, century)) continue;
    if (month === 0) {
      if (dd === 0) out.push(century);
      continue;
    }
    if (dd === 0 || isRealDate(century + yy, month, dd)) out.push(century);
  }
  return out;
}

// ---------------------------------------------------------------- generators

/** A valid national number built from its parts, with what it stands for. */
const validNationalNumberArb = fc
  .record({
    century: fc.constantFrom<1900 | 2000>(1900, 2000),
    yy: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayPick: fc.integer({ min: 1, max: 31 }),
    serial: fc.integer({ min: 0, max: 999 }),
    bis: fc.constantFrom(0, 0, 0, 20, 40),
    unknown: fc.constantFrom('none', 'none', 'none', 'none', 'day', 'both'),
  })
  .map(({ century, yy, month, dayPick, serial, bis, unknown }) => {
    const day = Math.min(dayPick, daysIn(century + yy, month));
    const mm = unknown === 'both' ? bis : month + bis;
    const dd = unknown === 'none' ? day : 0;
    const nine = `${pad(yy)}${pad(mm)}${pad(dd)}${pad(serial, 3)}`;
    const digits = nine + checkDigits(nine, century);
    const birthDate = unknown === 'none' ? iso(century + yy, month, day) : null;
    return { digits, century, birthDate };
  });

/** A year in range, often a century year or a leap year (where the calendar rules bite). */
const yearArb = (minYear: number, maxYear: number) => {
  const special = [1600, 1700, 1800, 1900, 2000, 2023, 2024, 2100, 2400, 9900].filter(
    (y) => y >= minYear && y <= maxYear,
  );
  return fc.oneof(fc.integer({ min: minYear, max: maxYear }), fc.constantFrom(...special));
};
/** Any date-shaped string YYYY-MM-DD, real or not (month 00–14, day 00–33; often February and days 28–31). */
const dateShapedArb = (minYear: number, maxYear: number) =>
  fc
    .record({
      y: yearArb(minYear, maxYear),
      m: fc.oneof(fc.integer({ min: 0, max: 14 }), fc.constant(2)),
      d: fc.oneof(fc.integer({ min: 0, max: 33 }), fc.integer({ min: 28, max: 31 })),
    })
    .map(({ y, m, d }) => ({ y, m, d, s: iso(y, m, d) }));

/** Dates that cannot exist: 30 or 31 February, 31 April/June/September/November, 29 February of a common year, month 00 or 13, day 00 or 32. */
const impossibleDateArb = (minYear: number, maxYear: number) =>
  fc
    .tuple(
      yearArb(minYear, maxYear),
      fc.constantFrom<[number, number | 'feb29']>(
        [2, 30],
        [2, 31],
        [4, 31],
        [6, 31],
        [9, 31],
        [11, 31],
        [13, 1],
        [0, 10],
        [1, 0],
        [1, 32],
        [2, 'feb29'],
      ),
    )
    .filter(([y, [, d]]) => d !== 'feb29' || !isLeap(y))
    .map(([y, [m, d]]) => iso(y, m, d === 'feb29' ? 29 : d));

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f');
/** A string with at least one control character (NUL included) somewhere. */
const withControlArb = fc
  .tuple(fc.string({ maxLength: 20 }), CONTROL, fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => a + c + b);
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f]/;

const anyStringArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  withControlArb,
);

const fieldOf = (schema: z.ZodObject, key: string) => schema.shape[key] as z.ZodType;
const accepts = (schema: z.ZodType, v: unknown) => schema.safeParse(v).success;

// ---------------------------------------------------------------- national register number

describe('national register number (DOMAIN.md §4), property-based', () => {
  it('every number built by the rule is accepted, bare or written YY.MM.DD-SSS.CC, and stands for its birth date', () => {
    fc.assert(
      fc.property(
        validNationalNumberArb,
        fc.constantFrom('bare', 'formatted', 'spaced'),
        ({ digits, birthDate }, style) => {
          const written =
            style === 'bare'
              ? digits
              : style === 'formatted'
                ? formatNationalNumber(digits)
                : ` ${digits.slice(0, 6)} ${digits.slice(6)} `.trim();
          expect(normaliseNationalNumber(written)).toBe(digits);
          expect(birthDatesOf(digits)).toEqual([birthDate ?? 'unknown']);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a number belongs to at most one century (2·10⁹ is no multiple of 97)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (nine) => {
        expect(checkDigits(nine, 1900)).not.toBe(checkDigits(nine, 2000));
      }),
      { numRuns: RUNS },
    );
  });

  it('any single-digit change is refused for the century of the original; it passes only where it happens to be valid for the other century', () => {
    fc.assert(
      fc.property(
        validNationalNumberArb,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ digits, century }, pos, delta) => {
          const changed = digits.slice(0, pos) + String((Number(digits[pos]) + delta) % 10) + digits.slice(pos + 1);
          expect(changed).not.toBe(digits);
          const centuries = modelCenturies(changed);
          expect(centuries).not.toContain(century);
          expect(normaliseNationalNumber(changed)).toBe(centuries.length ? changed : null);
        },
      ),
      { numRuns: RUNS },
    );
    // such a change exists: 46.06.24-088.06 (born 1946) → 40.06.24-088.06, valid for someone born in 2040
    expect(normaliseNationalNumber('46062408806')).toBe('46062408806');
    expect(normaliseNationalNumber('40062408806')).toBe('40062408806');
    expect(birthDatesOf('40062408806')).toEqual(['2040-06-24']);
  });

  it('the single-digit changes that pass are rare (the check digits still catch almost every typo)', () => {
    let changes = 0;
    let passed = 0;
    for (const { digits } of fc.sample(validNationalNumberArb, { numRuns: 500, seed: 7 })) {
      for (let pos = 0; pos < 11; pos++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === digits[pos]) continue;
          changes++;
          if (normaliseNationalNumber(digits.slice(0, pos) + d + digits.slice(pos + 1)) !== null) passed++;
        }
      }
    }
    expect(changes).toBe(500 * 99);
    expect(passed / changes).toBeLessThan(0.01);
  });

  it('any 11 digits: accepted exactly when the model says so', () => {
    const nearlyValid = fc
      .tuple(
        validNationalNumberArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }),
      )
      .map(([{ digits }, edits]) => edits.reduce((s, [p, d]) => s.slice(0, p) + d + s.slice(p + 1), digits));
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.stringMatching(/^[0-9]{11}$/)), (digits) => {
        expect(normaliseNationalNumber(digits)).toBe(modelCenturies(digits).length ? digits : null);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('any string: never throws; the answer is null or the 11 digits typed (spaces, dots and dashes aside)', () => {
    fc.assert(
      fc.property(anyStringArb, (s) => {
        const out = normaliseNationalNumber(s);
        if (out !== null) {
          expect(out).toMatch(/^[0-9]{11}$/);
          expect(s.replace(/[\s.-]/g, '')).toBe(out);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with a birth date exactly when it is that date (or the date part is unknown)', () => {
    fc.assert(
      fc.property(
        validNationalNumberArb,
        dateShapedArb(1900, 2099).filter(({ y, m, d }) => isRealDate(y, m, d)),
        ({ digits, birthDate }, other) => {
          if (birthDate) expect(nationalNumberAgreesWithBirthDate(digits, birthDate)).toBe(true);
          expect(nationalNumberAgreesWithBirthDate(digits, other.s)).toBe(birthDate === null || birthDate === other.s);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- dates and times

describe('dates and times in the forms, property-based', () => {
  const memberDob = fieldOf(referralSchema('draft', TODAY).shape.members.element, 'dateOfBirth');
  const rectifyDob = fieldOf(rectifySchema, 'dateOfBirth');
  const sessionDate = fieldOf(planSessionSchema, 'date');
  const auditDateError = (s: string) => parseAuditFilters({ van: s }).errors.van;
  const personSearchOk = (s: string) =>
    validatePersonSearch({ nationalNumber: '', lastName: 'Peeters', firstName: 'An', dateOfBirth: s }).ok;

  it('a session date, an access-log filter date: accepted exactly when the date exists', () => {
    fc.assert(
      fc.property(dateShapedArb(1000, 9999), ({ y, m, d, s }) => {
        const real = isRealDate(y, m, d);
        expect(accepts(sessionDate, s), s).toBe(real);
        expect(auditDateError(s) === undefined, s).toBe(real);
      }),
      { numRuns: RUNS },
    );
  });

  it('a birth date in the past (referral member, rectification, person search): accepted exactly when the date exists', () => {
    fc.assert(
      fc.property(dateShapedArb(1900, 2025), ({ y, m, d, s }) => {
        const real = isRealDate(y, m, d);
        expect(accepts(memberDob, s), s).toBe(real);
        expect(accepts(rectifyDob, s), s).toBe(real);
        expect(personSearchOk(s), s).toBe(real);
      }),
      { numRuns: RUNS },
    );
  });

  it('impossible dates (30 February, 31 April, 29 February of a common year, month 13, day 0 or 32) are refused everywhere a date is parsed as a date', () => {
    fc.assert(
      fc.property(impossibleDateArb(1900, 2025), (s) => {
        expect(accepts(sessionDate, s), s).toBe(false);
        expect(accepts(memberDob, s), s).toBe(false);
        expect(accepts(rectifyDob, s), s).toBe(false);
        expect(personSearchOk(s), s).toBe(false);
        expect(auditDateError(s), s).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a birth date after today is refused (referral member)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 * 50 }), (daysAhead) => {
        const s = new Date(TODAY.getTime() + daysAhead * 86_400_000).toISOString().slice(0, 10);
        expect(accepts(memberDob, s), s).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a session time hh:mm is accepted exactly when hh < 24 and mm < 60', () => {
    const start = fieldOf(planSessionSchema, 'startTime');
    const end = fieldOf(planSessionSchema, 'endTime');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (hh, mm) => {
        const s = `${pad(hh)}:${pad(mm)}`;
        expect(accepts(start, s), s).toBe(hh < 24 && mm < 60);
        expect(accepts(end, s), s).toBe(hh < 24 && mm < 60);
      }),
      { numRuns: RUNS },
    );
  });

  it("the agency contact date, a plan action's due date and a feedback date: accepted exactly when the date exists (1900–2100)", () => {
    const consulted = fieldOf(agencyExceptionSchema, 'contactedOn');
    const due = fieldOf(planActionSchema, 'dueDate');
    const given = fieldOf(feedbackSchema, 'givenAt');
    fc.assert(
      fc.property(dateShapedArb(1900, 2100), ({ y, m, d, s }) => {
        const real = isRealDate(y, m, d);
        expect(accepts(consulted, s), s).toBe(real);
        expect(accepts(due, s), s).toBe(real);
        expect(accepts(given, s), s).toBe(real);
      }),
      { numRuns: RUNS },
    );
    for (const s of ['0001-01-01', '2999-12-31', '2025-02-30', '2025-13-01']) {
      expect(accepts(consulted, s), s).toBe(false);
      expect(accepts(due, s), s).toBe(false);
      expect(accepts(given, s), s).toBe(false);
    }
  });
});

// ---------------------------------------------------------------- robustness: never throws

const SCHEMAS: [string, z.ZodType][] = [
  ['referral (draft)', referralSchema('draft', TODAY)],
  ['referral (submit)', referralSchema('submit', TODAY)],
  ['planSession', planSessionSchema],
  ['invite', inviteSchema],
  ['respond', respondSchema],
  ['informationItem', informationItemSchema],
  ['minutes', minutesSchema],
  ['planAction', planActionSchema],
  ['feedback', feedbackSchema],
  ['decision', decisionSchema],
  ['check', checkSchema],
  ['agencyRequest', agencyRequestSchema],
  ['agencyException', agencyExceptionSchema],
  ['agencyPosition', agencyPositionSchema],
  ['extension', extensionSchema],
  ['close', closeSchema],
  ['partnerInput', partnerInputSchema],
  ['proposal', proposalSchema],
  ['given', givenSchema],
  ['memberVoice', memberVoiceSchema],
  ['rectify', rectifySchema],
  ['transfer', transferSchema],
  ['statisticsFilters', statisticsFilters],
  ['auditFilter', auditFilterSchema],
];

/** Form-like input for a schema: its own keys (and a stray one), each a random string, array or nothing. */
const formLikeArb = (schema: z.ZodType) => {
  const keys =
    'shape' in schema
      ? Object.keys((schema as z.ZodObject).shape)
      : ['answer', 'attendeeUserId', 'attendance', 'declineNote'];
  const value = fc.oneof(
    anyStringArb,
    fc.array(anyStringArb, { maxLength: 3 }),
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
  );
  return fc.dictionary(fc.constantFrom(...keys, 'members', 'stray'), value, { maxKeys: keys.length + 2 });
};

describe('validation never throws, it answers', () => {
  it('every schema answers success or failure for arbitrary values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMAS), fc.anything(), ([, schema], v) => {
        const r = schema.safeParse(v);
        expect(typeof r.success).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('every schema answers success or failure for form-like values (its own keys, random strings)', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...SCHEMAS)
          .chain(([name, schema]) => fc.tuple(fc.constant(name), fc.constant(schema), formLikeArb(schema))),
        ([, schema, v]) => {
          expect(typeof schema.safeParse(v).success).toBe('boolean');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the validate* functions and the GET-parameter parsers answer (or throw a VALIDATION error) for random strings', () => {
    const member = fc.record({
      memberRole: anyStringArb,
      firstName: anyStringArb,
      lastName: anyStringArb,
      dateOfBirth: anyStringArb,
      isMinor: anyStringArb,
      sex: anyStringArb,
      nationalNumber: anyStringArb,
      contact: anyStringArb,
      safeAddress: anyStringArb,
    });
    fc.assert(
      fc.property(
        member,
        anyStringArb,
        anyStringArb,
        fc.constantFrom<'draft' | 'submit'>('draft', 'submit'),
        (m, a, b, mode) => {
          const referral = validateReferral(
            { ...emptyReferral(), clientSystemLabel: a, situation: b, members: [m] },
            mode,
            TODAY,
          );
          expect(typeof referral.ok).toBe('boolean');
          expect(
            typeof validateRectify({
              firstName: a,
              lastName: b,
              dateOfBirth: m.dateOfBirth,
              sex: m.sex,
              nationalNumber: m.nationalNumber,
              reason: a,
            }).ok,
          ).toBe('boolean');
          expect(
            typeof validatePersonSearch({
              nationalNumber: m.nationalNumber,
              lastName: a,
              firstName: b,
              dateOfBirth: m.dateOfBirth,
            }).ok,
          ).toBe('boolean');
          expect(
            typeof parseAuditFilters({
              gebruiker: a,
              dossier: b,
              actie: m.firstName,
              van: m.dateOfBirth,
              tot: [m.lastName],
              pagina: m.sex,
            }).page,
          ).toBe('number');
          try {
            parseStatisticsFilters({ periode: a, veiligHuis: b }, TODAY);
          } catch (err) {
            expect(isAppError(err) && err.code === 'VALIDATION', String(err)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- control characters

describe('control characters and NUL bytes, where the code promises to keep them out', () => {
  it('the access log reason (cleanReason) never keeps a control character; it is trimmed and at most 500 characters', () => {
    fc.assert(
      fc.property(fc.oneof(anyStringArb, withControlArb), (s) => {
        let out: string | null;
        try {
          out = cleanReason(s);
        } catch (err) {
          expect(isAppError(err) && err.code === 'VALIDATION', String(err)).toBe(true);
          return;
        }
        if (out === null) return;
        expect(out).not.toMatch(HAS_CONTROL);
        expect(out).toBe(out.trim());
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('a rectification keeps no control character in the logged reason', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,20}$/), CONTROL, fc.stringMatching(/^[a-z ]{0,20}$/), (a, c, b) => {
        const r = validateRectify({
          firstName: 'An',
          lastName: 'Peeters',
          dateOfBirth: '',
          sex: 'UNKNOWN',
          nationalNumber: '',
          reason: `verzoek ${a}${c}${b}`,
        });
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.data.cleanedReason).not.toMatch(HAS_CONTROL);
      }),
      { numRuns: 1_000 },
    );
  });

  it('access-log filter codes and references refuse any control character (they allow letters, digits and - _ . : only)', () => {
    fc.assert(
      fc.property(withControlArb, fc.constantFrom('actie', 'doel', 'dossier'), (s, key) => {
        expect(parseAuditFilters({ [key]: `A${s}B` }).errors[key]).toBeDefined();
      }),
      { numRuns: 1_000 },
    );
  });

  it('identifier fields take a UUID and nothing around it (no NUL, newline or other control character)', () => {
    const idFields: [string, z.ZodType][] = [
      ['invite.sessionId', fieldOf(inviteSchema, 'sessionId')],
      ['transfer.toSafeHouseId', fieldOf(transferSchema, 'toSafeHouseId')],
      ['close.agendaItemId', fieldOf(closeSchema, 'agendaItemId')],
      ['extension.agendaItemId', fieldOf(extensionSchema, 'agendaItemId')],
      ['proposal.sharerUserId', fieldOf(proposalSchema, 'sharerUserId')],
      ['referral.safeHouseId', fieldOf(referralSchema('draft', TODAY), 'safeHouseId')],
    ];
    fc.assert(
      fc.property(
        fc.uuid(),
        CONTROL,
        fc.constantFrom('before', 'after', 'inside'),
        fc.constantFrom(...idFields),
        (id, c, where, [name, field]) => {
          expect(accepts(field, id), name).toBe(true);
          const bad = where === 'before' ? c + id : where === 'after' ? id + c : id.slice(0, 8) + c + id.slice(8);
          expect(accepts(field, bad), `${name} ${JSON.stringify(bad)}`).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- domain rules in the forms

describe('domain rules in the forms, property-based', () => {
  const validCheck = (over: Partial<CheckValues>): CheckValues => ({
    criterion1Met: 'ja',
    criterion1Reason: 'reden 1',
    criterion2Met: 'ja',
    criterion2Reason: 'reden 2',
    criterion3Met: 'ja',
    criterion3Reason: 'reden 3',
    riskLevel: 'HIGH',
    riskAssessment: 'een risico-inschatting',
    inputDeadline: '2099-01-01',
    decisionReasons: '',
    ...over,
  });

  it('art. 5: all three criteria met open the input round (a deadline, not in the past); otherwise not admissible, with reasons', () => {
    const met = fc.constantFrom('ja', 'nee');
    fc.assert(
      fc.property(
        met,
        met,
        met,
        fc.constantFrom('', '2020-01-01', '2099-01-01', '2099-02-30'),
        fc.constantFrom('', 'kort', 'Geen intersectorale aanpak nodig.'),
        (c1, c2, c3, inputDeadline, decisionReasons) => {
          const r = validateCheck(
            validCheck({ criterion1Met: c1, criterion2Met: c2, criterion3Met: c3, inputDeadline, decisionReasons }),
            new Date('2026-12-04T10:00:00Z'),
          );
          const allMet = c1 === 'ja' && c2 === 'ja' && c3 === 'ja';
          expect(r.ok).toBe(allMet ? inputDeadline === '2099-01-01' : decisionReasons.length >= 10);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('art. 15 §3: a closure term is a whole number of 1–15 years, an extension 16–30', () => {
    const yearsArb = fc.oneof(
      fc.integer({ min: -40, max: 60 }).map(String),
      fc.double({ min: -40, max: 60, noNaN: true }).map(String),
      fc.constantFrom('', ' ', 'abc', '15.0', '15.5', '1e1', 'NaN', 'Infinity'),
    );
    const closeYears = fieldOf(closeSchema, 'years');
    const extensionYears = fieldOf(extensionSchema, 'years');
    fc.assert(
      fc.property(yearsArb, (s) => {
        const n = Number(s);
        const whole = Number.isInteger(n);
        expect(accepts(closeYears, s), s).toBe(whole && n >= 1 && n <= 15);
        expect(accepts(extensionYears, s), s).toBe(whole && n >= 16 && n <= 30);
      }),
      { numRuns: RUNS },
    );
  });

  it('art. 15 §1: an information item has a data category 1–14', () => {
    const category = fieldOf(informationItemSchema, 'category');
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 40 }), (n) => {
        expect(accepts(category, String(n))).toBe(n >= 1 && n <= 14);
      }),
      { numRuns: 1_000 },
    );
  });

  it('the retention term ends on the same calendar day `years` later (29 February → 28 February), never later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (closedAt, years) => {
          const end = retentionEnd(closedAt, years);
          const y = closedAt.getUTCFullYear() + years;
          const m = closedAt.getUTCMonth() + 1;
          const d = Math.min(closedAt.getUTCDate(), daysIn(y, m));
          expect(end.toISOString()).toBe(`${iso(y, m, d)}T${closedAt.toISOString().slice(11)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('statistics only per whole quarter or year 2000–2100, with the real first and last day (ADR 0013)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('K', 'Q', 'k', 'q', ''),
        (year, q, letter) => {
          const periode = letter ? `${year}-${letter}${q}` : String(year);
          const ok = year >= 2000 && year <= 2100 && (!letter || (q >= 1 && q <= 4));
          let f: ReturnType<typeof parseStatisticsFilters> | null = null;
          try {
            f = parseStatisticsFilters({ periode }, TODAY);
          } catch (err) {
            expect(isAppError(err) && err.code === 'VALIDATION').toBe(true);
          }
          expect(f !== null, periode).toBe(ok);
          if (!f) return;
          const firstMonth = letter ? (q - 1) * 3 + 1 : 1;
          const lastMonth = letter ? firstMonth + 2 : 12;
          expect(f.van).toBe(iso(year, firstMonth, 1));
          expect(f.tot).toBe(iso(year, lastMonth, daysIn(year, lastMonth)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a member\'s "minor" answer must agree with the birth date (age under 18 on the day)', () => {
    const todayY = TODAY.getUTCFullYear();
    const todayM = TODAY.getUTCMonth() + 1;
    const todayD = TODAY.getUTCDate();
    fc.assert(
      fc.property(
        dateShapedArb(1990, 2025).filter(({ y, m, d }) => isRealDate(y, m, d)),
        fc.constantFrom('ja', 'nee'),
        ({ y, m, d, s }, isMinor) => {
          const age = todayY - y - (todayM < m || (todayM === m && todayD < d) ? 1 : 0);
          const r = validateReferral(
            { ...emptyReferral(), members: [{ ...emptyMember(), dateOfBirth: s, isMinor }] },
            'draft',
            TODAY,
          );
          const complaint = r.ok ? undefined : r.errors['members.0.isMinor'];
          expect(complaint !== undefined, `${s} ${isMinor} age ${age}`).toBe(age < 18 !== (isMinor === 'ja'));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a member's national number must agree with their birth date", () => {
    fc.assert(
      fc.property(
        validNationalNumberArb.filter(({ birthDate }) => birthDate !== null && birthDate <= '2025-12-31'),
        dateShapedArb(1900, 2025).filter(({ y, m, d }) => isRealDate(y, m, d)),
        fc.boolean(),
        ({ digits, birthDate }, other, same) => {
          const dob = same ? birthDate! : other.s;
          const r = validateReferral(
            {
              ...emptyReferral(),
              members: [{ ...emptyMember(), dateOfBirth: dob, nationalNumber: formatNationalNumber(digits) }],
            },
            'draft',
            TODAY,
          );
          const complaint = r.ok ? undefined : r.errors['members.0.nationalNumber'];
          expect(complaint !== undefined, `${digits} ${dob}`).toBe(dob !== birthDate);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a person search by name refuses wildcard characters (%, _ and \\)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z]{1,10}$/),
        fc.constantFrom('%', '_', '\\'),
        fc.stringMatching(/^[A-Za-z]{0,10}$/),
        fc.boolean(),
        (a, w, b, inLast) => {
          const name = a + w + b;
          const r = validatePersonSearch({
            nationalNumber: '',
            lastName: inLast ? name : 'Peeters',
            firstName: inLast ? 'An' : name,
            dateOfBirth: '',
          });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errors[inLast ? 'lastName' : 'firstName']).toBeDefined();
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('no NUL or other control character reaches a use case (issue 9 §4)', () => {
  it('a form field with a control character is refused at that field; tabs and line breaks are not control characters here', async () => {
    // the control characters the app refuses (not tab, line feed, carriage return), matched on purpose
    // eslint-disable-next-line no-control-regex
    const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
    const { controlCharacterErrors, controlCharacterErrorsIn, CONTROL_CHARACTER_MESSAGE } =
      await import('@/lib/validation/text');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        withControlArb,
        fc.string({ maxLength: 30 }),
        (clean, dirty, textArea) => {
          const fd = new FormData();
          const cleanText = clean.replace(CONTROL, '');
          fd.set('naam', cleanText);
          fd.set('notitie', `${textArea.replace(CONTROL, '')}\r\n\tregel 2`);
          fd.set('vrij', dirty);
          const errors = controlCharacterErrors(fd);
          const dirtyHasControl = new RegExp(CONTROL.source).test(dirty);
          expect(errors).toEqual(dirtyHasControl ? { vrij: CONTROL_CHARACTER_MESSAGE } : {});
          // the same for nested values, by path
          const nested = controlCharacterErrorsIn({ members: [{ firstName: cleanText }, { lastName: dirty }] });
          expect(nested).toEqual(dirtyHasControl ? { 'members.1.lastName': CONTROL_CHARACTER_MESSAGE } : {});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a referral with a NUL byte in a name is refused at that field by the form validation', () => {
    const values = { ...emptyReferral(), clientSystemLabel: 'Gezin\u0000X' };
    const result = validateReferral(values as never, 'draft', TODAY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.clientSystemLabel).toMatch(/stuurteken/);
  });
});
