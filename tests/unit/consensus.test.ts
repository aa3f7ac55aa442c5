import { describe, expect, it } from 'vitest';
import { consensusOutcome } from '@/lib/consensus/outcome';

describe('consensus of all participants (art. 14 §2, art. 15 §3)', () => {
  const p = ['a', 'b', 'c'];
  it('is open until everyone agreed', () => {
    expect(consensusOutcome(p, [{ userId: 'a', vote: 'AGREE' }, { userId: 'b', vote: 'AGREE' }])).toBe('OPEN');
    expect(consensusOutcome(p, p.map((userId) => ({ userId, vote: 'AGREE' as const })))).toBe('APPROVED');
  });
  it('one objection blocks, whatever the others said', () => {
    expect(consensusOutcome(p, [{ userId: 'a', vote: 'AGREE' }, { userId: 'b', vote: 'AGREE' }, { userId: 'c', vote: 'OBJECT' }])).toBe('BLOCKED');
  });
  it('votes of former participants do not count, in either direction', () => {
    expect(consensusOutcome(['a', 'b'], [{ userId: 'a', vote: 'AGREE' }, { userId: 'b', vote: 'AGREE' }, { userId: 'x', vote: 'OBJECT' }])).toBe('APPROVED');
    expect(consensusOutcome(['a', 'b'], [{ userId: 'a', vote: 'AGREE' }, { userId: 'x', vote: 'AGREE' }])).toBe('OPEN');
  });
  it('without participants there is no consensus', () => {
    expect(consensusOutcome([], [])).toBe('OPEN');
  });
});
