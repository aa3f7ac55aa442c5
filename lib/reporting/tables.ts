import { OrganisationKind } from '@/lib/generated/prisma/enums';
import { VIOLENCE_FORMS } from '@/lib/referrals/schemas';
import { maskMedian, suppressCounts, THRESHOLD, type Masked, type Relation } from './suppression';

/**
 * Turns the aggregates of the SQL function statistics_year (rows shaped as those of
 * statistics_counts / statistics_waiting_times; prisma/migrations/20261204140000_statistics_one_pass)
 * into the masked tables that leave the use case.
 * Pure. Suppression is computed over every safe house in the actor's scope at once, whatever
 * the filter: a house shown on its own is masked exactly as in the table of all houses, so two
 * views can never be subtracted from each other to reveal a hidden count.
 */
export const OUTCOMES = [
  'REFER_TO_REGULAR_CARE',
  'ATTACH_TO_EXISTING_CARE',
  'NOT_ADMISSIBLE',
  'START_TRAJECTORY',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const VIOLENCE_FORM_CATEGORIES = [...VIOLENCE_FORMS, 'OTHER'] as const;
export const MINOR_CATEGORIES = ['YES', 'NO'] as const;
export const REFERRER_KIND_CATEGORIES = [...Object.values(OrganisationKind), 'UNKNOWN'] as const;
export type ReferrerKindCategory = (typeof REFERRER_KIND_CATEGORIES)[number];

/** One row of statistics_counts. */
export interface CountRow {
  safeHouseId: string;
  metric: string;
  category: string;
  n: number;
}
/** One row of statistics_waiting_times; safeHouseId null = over the whole scope. */
export interface WaitingRow {
  safeHouseId: string | null;
  decided: number;
  medianDays: number | null;
}
export interface HouseRef {
  id: string;
  name: string;
  code: string;
}

export interface UnitStatistics {
  /** the safe house id, or 'total' for all safe houses in scope */
  id: string;
  name: string;
  code: string | null;
  referrals: Masked;
  /** submitted, waiting for the admission decision */
  pending: Masked;
  decided: Masked;
  outcomes: { code: Outcome; n: Masked }[];
  trajectories: { open: Masked; closed: Masked };
  violenceForms: { code: (typeof VIOLENCE_FORM_CATEGORIES)[number]; n: Masked }[];
  minors: { code: (typeof MINOR_CATEGORIES)[number]; n: Masked }[];
  referrerKinds: { code: ReferrerKindCategory; n: Masked }[];
  waiting: {
    /** median days from submission to decision; null when withheld or when there is none */
    medianDays: number | null;
    /** true when decisions exist but fewer than THRESHOLD are behind the median */
    medianWithheld: boolean;
  };
}

export interface Statistics {
  houses: UnitStatistics[];
  total: UnitStatistics;
}

const STATE_TO_CELLS: Record<string, string[]> = {
  PENDING: ['pending'],
  REFER_TO_REGULAR_CARE: ['outcome:REFER_TO_REGULAR_CARE'],
  ATTACH_TO_EXISTING_CARE: ['outcome:ATTACH_TO_EXISTING_CARE'],
  NOT_ADMISSIBLE: ['outcome:NOT_ADMISSIBLE'],
  TRAJECTORY_OPEN: ['trajectory:OPEN'],
  TRAJECTORY_CLOSED: ['trajectory:CLOSED'],
};

const MEASURES = [
  'referrals',
  'pending',
  'decided',
  ...OUTCOMES.map((o) => `outcome:${o}`),
  'trajectory:OPEN',
  'trajectory:CLOSED',
  ...VIOLENCE_FORM_CATEGORIES.map((f) => `form:${f}`),
  ...MINOR_CATEGORIES.map((m) => `minors:${m}`),
  ...REFERRER_KIND_CATEGORIES.map((k) => `kind:${k}`),
];

/** The sums that hold within one safe house (or the total). */
function unitRelations(u: string): Relation[] {
  const c = (m: string) => `${u}|${m}`;
  return [
    { total: c('referrals'), parts: [c('pending'), c('decided')] },
    { total: c('decided'), parts: OUTCOMES.map((o) => c(`outcome:${o}`)) },
    { total: c('outcome:START_TRAJECTORY'), parts: [c('trajectory:OPEN'), c('trajectory:CLOSED')] },
    { total: c('referrals'), parts: MINOR_CATEGORIES.map((m) => c(`minors:${m}`)) },
    { total: c('referrals'), parts: REFERRER_KIND_CATEGORIES.map((k) => c(`kind:${k}`)) },
  ];
}

export interface PeriodCounts {
  /** a key of this build, e.g. "2026" or "2026-K1" */
  key: string;
  counts: readonly CountRow[];
  waiting: readonly WaitingRow[];
}

/** One period alone (no other period is published with it). */
export function buildStatistics(input: {
  houses: readonly HouseRef[];
  counts: readonly CountRow[];
  waiting: readonly WaitingRow[];
}): Statistics {
  return buildStatisticsAcrossPeriods({
    houses: input.houses,
    periods: [{ key: 'p', counts: input.counts, waiting: input.waiting }],
    sums: [],
  }).get('p')!;
}

/**
 * Several periods masked together. `sums` says which period is the sum of which others (a year =
 * its four quarters): every cell of such a period is then also related to the same cells of its
 * parts, so complementary suppression holds across the published hierarchy and a hidden count of
 * one quarter cannot be recovered as the year minus the other quarters (ADR 0013).
 */
export function buildStatisticsAcrossPeriods(input: {
  houses: readonly HouseRef[];
  periods: readonly PeriodCounts[];
  sums: readonly { total: string; parts: readonly string[] }[];
}): Map<string, Statistics> {
  const houses = [...input.houses].sort((a, b) => a.name.localeCompare(b.name, 'nl-BE') || a.id.localeCompare(b.id));
  const units = [...houses.map((h) => h.id), 'total'];
  const inScope = new Set(houses.map((h) => h.id));

  const cells: Record<string, number> = {};
  const relations: Relation[] = [];
  for (const period of input.periods) {
    const P = (u: string) => `${period.key}#${u}`;
    for (const u of units) for (const m of MEASURES) cells[`${P(u)}|${m}`] = 0;
    const add = (u: string, m: string, n: number) => {
      const key = `${P(u)}|${m}`;
      cells[key] = (cells[key] ?? 0) + n;
    };
    for (const r of period.counts) {
      if (!inScope.has(r.safeHouseId)) continue;
      const targets: string[] = [];
      if (r.metric === 'state') {
        const mapped = STATE_TO_CELLS[r.category];
        if (!mapped) continue;
        targets.push(...mapped, 'referrals');
        if (r.category !== 'PENDING') targets.push('decided');
        if (r.category === 'TRAJECTORY_OPEN' || r.category === 'TRAJECTORY_CLOSED')
          targets.push('outcome:START_TRAJECTORY');
      } else if (r.metric === 'violence_form') {
        targets.push(
          `form:${(VIOLENCE_FORM_CATEGORIES as readonly string[]).includes(r.category) ? r.category : 'OTHER'}`,
        );
      } else if (r.metric === 'minors') {
        targets.push(`minors:${r.category === 'YES' ? 'YES' : 'NO'}`);
      } else if (r.metric === 'referrer_kind') {
        targets.push(
          `kind:${(REFERRER_KIND_CATEGORIES as readonly string[]).includes(r.category) ? r.category : 'UNKNOWN'}`,
        );
      }
      for (const m of targets) {
        add(r.safeHouseId, m, r.n);
        add('total', m, r.n);
      }
    }
    relations.push(...units.flatMap((u) => unitRelations(P(u))));
    for (const m of MEASURES)
      relations.push({ total: `${P('total')}|${m}`, parts: houses.map((h) => `${P(h.id)}|${m}`) });
  }
  for (const sum of input.sums) {
    for (const u of units) {
      for (const m of MEASURES)
        relations.push({ total: `${sum.total}#${u}|${m}`, parts: sum.parts.map((p) => `${p}#${u}|${m}`) });
    }
  }
  const masked = suppressCounts(cells, relations, THRESHOLD);

  const out = new Map<string, Statistics>();
  for (const period of input.periods) {
    const stats = unitsOf(period, houses, (u, m) => masked[`${period.key}#${u}|${m}`]!);
    out.set(period.key, stats);
  }
  return out;
}

function unitsOf(
  period: PeriodCounts,
  houses: readonly HouseRef[],
  v0: (unit: string, measure: string) => Masked,
): Statistics {
  const input = period;
  const waitingBy = new Map(input.waiting.map((w) => [w.safeHouseId ?? 'total', w]));
  const unit = (id: string, name: string, code: string | null): UnitStatistics => {
    const v = (m: string) => v0(id, m);
    const w = waitingBy.get(id);
    const count = w?.decided ?? 0;
    const median = maskMedian(w?.medianDays ?? null, count, THRESHOLD);
    return {
      id,
      name,
      code,
      referrals: v('referrals'),
      pending: v('pending'),
      decided: v('decided'),
      outcomes: OUTCOMES.map((code) => ({ code, n: v(`outcome:${code}`) })),
      trajectories: { open: v('trajectory:OPEN'), closed: v('trajectory:CLOSED') },
      violenceForms: VIOLENCE_FORM_CATEGORIES.map((code) => ({ code, n: v(`form:${code}`) })),
      minors: MINOR_CATEGORIES.map((code) => ({ code, n: v(`minors:${code}`) })),
      referrerKinds: REFERRER_KIND_CATEGORIES.map((code) => ({ code, n: v(`kind:${code}`) })),
      waiting: {
        medianDays: median === null ? null : Math.round(median * 10) / 10,
        medianWithheld: count > 0 && median === null,
      },
    };
  };
  return {
    houses: houses.map((h) => unit(h.id, h.name, h.code)),
    total: unit('total', 'Totaal', null),
  };
}
