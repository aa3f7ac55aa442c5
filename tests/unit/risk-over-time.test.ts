import { describe, expect, it } from 'vitest';
import { isRise, riskRank } from '@/lib/risk/levels';
import { chartSummary, riseSentence } from '@/components/risk/risk-history';
import type { RiskPoint } from '@/lib/risk/get-risk-history';

const point = (level: RiskPoint['level'], iso: string): RiskPoint => ({
  id: iso,
  kind: 'assessment',
  at: new Date(iso),
  level,
  score: 0,
  answers: {},
  by: 'K',
  capacity: 'coördinator',
  reasoning: '',
});

describe('issue 13 §5 (ADR 0042): a rise in risk', () => {
  it('orders the levels laag < verhoogd < hoog < acuut gevaar; a rise is a higher level only', () => {
    expect(['LOW', 'ELEVATED', 'HIGH', 'ACUTE'].map((l) => riskRank(l as RiskPoint['level']))).toEqual([0, 1, 2, 3]);
    expect(isRise('ELEVATED', 'HIGH')).toBe(true);
    expect(isRise('LOW', 'ACUTE')).toBe(true);
    expect(isRise('HIGH', 'HIGH')).toBe(false);
    expect(isRise('ACUTE', 'LOW')).toBe(false);
    expect(isRise(null, 'ACUTE')).toBe(false);
  });

  it('says the rise in words, with the Brussels date', () => {
    // 23:30 UTC on 2 December is already 3 December in Brussels
    expect(riseSentence({ from: 'ELEVATED', to: 'HIGH', at: new Date('2026-12-02T23:30:00Z') })).toBe(
      'Risico gestegen van verhoogd naar hoog op 3 december 2026',
    );
  });

  it('summarises the chart for its accessible name: count, period, the levels in order, the last', () => {
    expect(chartSummary([])).toBe('Verloop van het risico: nog geen inschatting.');
    expect(
      chartSummary([
        point('ELEVATED', '2026-11-01T10:00:00Z'),
        point('LOW', '2026-11-15T10:00:00Z'),
        point('ACUTE', '2026-12-03T10:00:00Z'),
      ]),
    ).toBe(
      'Verloop van het risico: 3 inschattingen van 1 november 2026 tot 3 december 2026. ' +
        'Niveaus na elkaar: verhoogd, laag, acuut gevaar. Laatste niveau: acuut gevaar.',
    );
  });
});
