import type { DossierAction } from '@/lib/access/policy';

/**
 * The two things decided by consensus, described as data so that one module (lib/consensus)
 * handles both: table names are fixed here, never taken from input.
 */
export const CONSENSUS_SUBJECTS = {
  disclosure: {
    proposals: 'DisclosureProposal',
    voters: 'DisclosureVoter',
    votes: 'DisclosureVote',
    key: 'proposalId',
    lockSalt: 7270414,
    objectType: 'DisclosureProposal',
    voteAction: 'disclosure.vote',
    withdrawAction: 'disclosure.withdraw',
    notifyKind: 'disclosure',
  },
  retention: {
    proposals: 'RetentionExtension',
    voters: 'RetentionVoter',
    votes: 'RetentionVote',
    key: 'extensionId',
    lockSalt: 7270415,
    objectType: 'RetentionExtension',
    voteAction: 'retention.vote',
    withdrawAction: 'retention.withdraw',
    notifyKind: 'retention',
  },
} as const satisfies Record<
  string,
  {
    proposals: string;
    voters: string;
    votes: string;
    key: string;
    lockSalt: number;
    objectType: string;
    voteAction: DossierAction;
    withdrawAction: DossierAction;
    notifyKind: string;
  }
>;

export type ConsensusKind = keyof typeof CONSENSUS_SUBJECTS;
