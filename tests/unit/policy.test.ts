import { describe, expect, it } from 'vitest';
import { can, dossierWhere, relationsTo, type DossierFacts } from '@/lib/access/policy';
import type { Actor } from '@/lib/access/actor';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  name: '',
  organisationId: 'o',
  organisationName: '',
  roles: [],
  coordinatorHouses: [],
  corePartnerHouses: [],
  participantDossiers: [],
  ...over,
});
const dossier = (over: Partial<DossierFacts> = {}): DossierFacts => ({
  id: 'd',
  safeHouseId: 'h',
  status: 'SUBMITTED',
  referrerUserId: 'r',
  inputRequestedAt: null,
  inputClosedAt: null,
  ...over,
});

describe('policy (pure rules)', () => {
  it('a coordinator does not see a draft of their own safe house', () => {
    const a = actor({ coordinatorHouses: ['h'], roles: [{ role: 'COORDINATOR', safeHouseId: 'h' }] });
    expect(can(a, 'dossier.view', dossier({ status: 'DRAFT' }))).toBe(false);
    expect(can(a, 'dossier.view', dossier())).toBe(true);
  });

  it('core-partner access ends when the input round is closed', () => {
    const a = actor({ corePartnerHouses: ['h'] });
    const open = dossier({ status: 'IN_TRAJECTORY', inputRequestedAt: new Date() });
    expect(relationsTo(a, open).has('corePartner')).toBe(true);
    expect(can(a, 'dossier.view', { ...open, inputClosedAt: new Date() })).toBe(false);
  });

  it('a decision can only be taken on a submitted referral', () => {
    const a = actor({ coordinatorHouses: ['h'] });
    expect(can(a, 'admission.decide', dossier({ status: 'SUBMITTED' }))).toBe(true);
    expect(can(a, 'admission.decide', dossier({ status: 'IN_TRAJECTORY' }))).toBe(false);
  });

  it('the where-builder never produces an empty filter (which would match everything)', () => {
    const where = dossierWhere(actor({}));
    const clauses = where.OR as object[];
    expect(clauses).toHaveLength(4);
    for (const clause of clauses) expect(Object.keys(clause).length).toBeGreaterThan(0);
    expect(JSON.stringify(where)).not.toContain('undefined');
  });
});
