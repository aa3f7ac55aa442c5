import 'server-only';
import { castConsensusVote, withdrawConsensus } from '@/lib/consensus/vote';

/** A vote on a longer retention (art. 15 §3): the same consensus as a disclosure (lib/consensus). */
export async function voteRetentionExtension(
  userId: string,
  extensionId: string,
  vote: 'AGREE' | 'OBJECT',
  now = new Date(),
) {
  return castConsensusVote('retention', userId, extensionId, vote, now);
}

/** The coordinator withdraws an extension that can no longer (or should no longer) be decided. */
export async function withdrawRetentionExtension(userId: string, extensionId: string, now = new Date()) {
  return withdrawConsensus('retention', userId, extensionId, now);
}
