/**
 * Consensus of ALL participants (art. 14 §2 for disclosures, art. 15 §3 for a longer retention).
 *
 * Who must agree is frozen when the proposal is made (ADR 0014): every participant of the case
 * then and the coordinator who chairs the session. One objection blocks; approval needs an
 * "agree" from every frozen voter. A voter who left (or was removed, or is no longer the chair's
 * coordinator) before voting can no longer agree: the proposal then stays OPEN, unreachable —
 * leaving never approves. Votes cast while eligible keep counting.
 */
export type VoteChoice = 'AGREE' | 'OBJECT';
export type ConsensusOutcome = 'OPEN' | 'APPROVED' | 'BLOCKED';

export interface VoterState {
  userId: string;
  /** still able to vote: a participant still in the case, the chair still coordinator */
  eligible: boolean;
  vote: VoteChoice | null;
}

export interface ConsensusResult {
  status: ConsensusOutcome;
  /** open, but some voter who has not voted can no longer vote: only withdrawal remains */
  unreachable: boolean;
  /** voters whose agreement is still missing */
  waitingFor: string[];
}

export function consensusOutcome(voters: readonly VoterState[]): ConsensusResult {
  if (voters.some((v) => v.vote === 'OBJECT')) return { status: 'BLOCKED', unreachable: false, waitingFor: [] };
  const waiting = voters.filter((v) => v.vote !== 'AGREE');
  if (voters.length > 0 && waiting.length === 0) return { status: 'APPROVED', unreachable: false, waitingFor: [] };
  return {
    status: 'OPEN',
    unreachable: voters.length === 0 || waiting.some((v) => !v.eligible),
    waitingFor: waiting.map((v) => v.userId),
  };
}
