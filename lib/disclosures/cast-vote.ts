import 'server-only';
import { castConsensusVote, withdrawConsensus } from '@/lib/consensus/vote';

/**
 * A vote on a disclosure (art. 14 §2): every voter frozen at the proposal — the participants then
 * and the chairing coordinator — must agree; one objection blocks for good (lib/consensus).
 */
export async function castVote(userId: string, proposalId: string, vote: 'AGREE' | 'OBJECT', now = new Date()) {
  return castConsensusVote('disclosure', userId, proposalId, vote, now);
}

/** The proposer or the coordinator withdraws an open (or approved, unshared) disclosure. */
export async function withdrawDisclosure(userId: string, proposalId: string, now = new Date()) {
  return withdrawConsensus('disclosure', userId, proposalId, now);
}
