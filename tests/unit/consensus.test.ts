import { describe, expect, it } from 'vitest';
import { consensusOutcome, type VoterState } from '@/lib/consensus/outcome';

const voter = (userId: string, vote: VoterState['vote'] = null, eligible = true): VoterState => ({
  userId,
  vote,
  eligible,
});

describe('consensus of all frozen voters (art. 14 §2, art. 15 §3)', () => {
  it('art. 14 §2: is open until every frozen voter agreed', () => {
    expect(consensusOutcome([voter('a', 'AGREE'), voter('b', 'AGREE'), voter('c')])).toMatchObject({
      status: 'OPEN',
      unreachable: false,
      waitingFor: ['c'],
    });
    expect(consensusOutcome([voter('a', 'AGREE'), voter('b', 'AGREE'), voter('c', 'AGREE')]).status).toBe('APPROVED');
  });
  it('art. 14 §2: one objection blocks, whatever the others said', () => {
    expect(consensusOutcome([voter('a', 'AGREE'), voter('b', 'AGREE'), voter('c', 'OBJECT')]).status).toBe('BLOCKED');
  });
  it('art. 14 §2: a voter who left without voting never counts as agreement — the proposal becomes unreachable', () => {
    const r = consensusOutcome([voter('a', 'AGREE'), voter('b', 'AGREE'), voter('leaver', null, false)]);
    expect(r).toMatchObject({ status: 'OPEN', unreachable: true, waitingFor: ['leaver'] });
  });
  it('art. 14 §2: an agreement given before leaving stays given', () => {
    expect(consensusOutcome([voter('a', 'AGREE'), voter('leaver', 'AGREE', false)]).status).toBe('APPROVED');
  });
  it('art. 14 §2: without voters there is no consensus', () => {
    expect(consensusOutcome([])).toMatchObject({ status: 'OPEN', unreachable: true });
  });
});
