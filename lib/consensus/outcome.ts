/**
 * Consensus of all participants of a case (art. 14 §2 for disclosures, art. 15 §3 for a longer
 * retention): one objection blocks; approval needs an "agree" from every current participant.
 * Votes of people who are no longer participants do not count. No participants: no consensus.
 */
export type ConsensusOutcome = 'OPEN' | 'APPROVED' | 'BLOCKED';

export function consensusOutcome(
  participantUserIds: readonly string[],
  votes: readonly { userId: string; vote: 'AGREE' | 'OBJECT' }[],
): ConsensusOutcome {
  const current = new Set(participantUserIds);
  const counted = votes.filter((v) => current.has(v.userId));
  if (counted.some((v) => v.vote === 'OBJECT')) return 'BLOCKED';
  if (current.size > 0 && [...current].every((u) => counted.some((v) => v.userId === u && v.vote === 'AGREE'))) return 'APPROVED';
  return 'OPEN';
}
